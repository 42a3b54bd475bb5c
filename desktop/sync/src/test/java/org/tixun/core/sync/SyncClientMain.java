// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;

/** A workstation in its own process for kill tests: args DATA_DIR URL CHUNK_BYTES; delivers once and exits. */
public final class SyncClientMain {
    private SyncClientMain() {
    }

    public static void main(String[] args) throws Exception {
        try (CoreServices core = TestCore.open(Path.of(args[0]))) {
            SyncService sync = SyncFixtures.sync(core);
            RestConnector rest = new RestConnector(RestConnector.Config.of(URI.create(args[1]))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).withChunkBytes(Integer.parseInt(args[2])));
            System.out.println("SENDING");
            try (SyncWorker w = new SyncWorker(sync, rest, 1, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
                System.out.println("DONE " + w.runOnce());
            }
        }
    }
}
