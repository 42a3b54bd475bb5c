// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.Eventually;
import org.tixun.core.TestCore;
import org.tixun.core.services.CoreServices;
import org.tixun.core.store.Settings;

/**
 * The app's own delivery: with a case system in Settings a sealed record leaves on its own (here a folder-drop
 * target given as a file: URL); without one nothing is started.
 */
class BackgroundSyncTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @Test
    void nothingConfiguredStartsNothing() throws Exception {
        try (CoreServices core = TestCore.open(tmp.resolve("data"))) {
            assertThat(BackgroundSync.start(core)).isEmpty();
            core.settings().put(Settings.CASE_SYSTEM_URL, "ftp://example/");
            assertThat(BackgroundSync.start(core)).as("not http(s) or file:").isEmpty();
        }
    }

    @Test
    void aSealedRecordIsDeliveredWhileTheAppRuns() throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        try (CoreServices core = TestCore.open(tmp.resolve("data"))) {
            core.settings().put(Settings.CASE_SYSTEM_URL, drop.toUri().toString());
            try (BackgroundSync sync = BackgroundSync.start(core).orElseThrow()) {
                String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
                sync.wake();
                SyncService service = SyncService.of(core);
                Eventually.await("the record delivered", Duration.ofSeconds(60),
                        () -> service.item(id).orElseThrow().state() == OutboxState.DONE,
                        () -> service.item(id).orElseThrow());
                try (var files = Files.list(drop)) {
                    assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(id));
                }
            }
        }
    }
}
