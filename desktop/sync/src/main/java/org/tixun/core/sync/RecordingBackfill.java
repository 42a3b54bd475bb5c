// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.recording.SealedRecordings;
import org.tixun.core.services.CoreServices;
import org.tixun.core.services.StartupTask;

/**
 * At each start: records sealed before their recording was filed with the seal (schema version 5) get it filed from
 * their sealed PDFs, once per record; a record already delivered without it is flagged for the clerk.
 */
public final class RecordingBackfill implements StartupTask {
    public RecordingBackfill() {
        // ServiceLoader
    }

    @Override
    public void run(CoreServices core) {
        java.util.List<String> filed = SealedRecordings.of(core).backfill();
        // Nearly every start files nothing: the sync service (and its JSON machinery) is then not built before the
        // first screen.
        if (!filed.isEmpty()) {
            SyncService.of(core).flagIncompleteRegistrations(filed);
        }
    }
}
