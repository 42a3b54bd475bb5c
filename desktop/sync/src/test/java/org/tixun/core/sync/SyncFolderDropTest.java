// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;

class SyncFolderDropTest {
    @TempDir
    Path tmp;
    CoreServices core;
    SyncService sync;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @BeforeEach
    void open() {
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void crashBetweenRenameAndReadyIsFinishedNotRepeated() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        Path drop = tmp.resolve("drop");
        FolderDropConnector connector = new FolderDropConnector(drop, Clock.systemUTC());
        Delivery d = sync.prepare(id);
        connector.deliver(d);
        Files.delete(drop.resolve(id).resolve(FolderDropConnector.READY));
        long before = Files.getLastModifiedTime(drop.resolve(id).resolve("record.pdf")).toMillis();

        Receipt receipt = connector.deliver(d);

        assertThat(drop.resolve(id).resolve(FolderDropConnector.READY)).exists();
        assertThat(Files.getLastModifiedTime(drop.resolve(id).resolve("record.pdf")).toMillis()).isEqualTo(before);
        assertThat(receipt.documentSha256()).isEqualTo(d.documentSha256());
    }

    @Test
    void differentRecordAlreadyInTheDropFolderIsRefused() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        Path drop = tmp.resolve("drop");
        Files.createDirectories(drop.resolve(id));
        Files.writeString(drop.resolve(id).resolve("manifest.json"), "{\"recordId\":\"someone else\"}");

        try (SyncWorker w = new SyncWorker(sync, new FolderDropConnector(drop, Clock.systemUTC()), 1,
                SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            assertThat(w.runOnce().refused()).isEqualTo(1);
        }
        assertThat(sync.item(id).orElseThrow().state()).isEqualTo(OutboxState.FAILED);
        assertThat(sync.item(id).orElseThrow().lastError()).contains("different record");
    }

    @Test
    void syncRunQueuesSealedRecordsAndDropsToAFileUrlFromSettings() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        core.database().withConnection(c -> c.createStatement().executeUpdate("DELETE FROM outbox_item"));
        Path drop = tmp.resolve("gate");
        core.settings().put(org.tixun.core.store.Settings.CASE_SYSTEM_URL, drop.toUri().toString());
        core.close();

        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new org.tixun.core.sync.cli.SyncCommand());
        cl.setOut(new java.io.PrintWriter(out));
        int exit = cl.execute("run", "--data-dir=" + tmp.resolve("data"), "--once");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Queued 1 sealed records", "Delivered 1");
        assertThat(drop.resolve(id).resolve(FolderDropConnector.READY)).exists();
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
        assertThat(sync.item(id).orElseThrow().receipt().orElseThrow().receiptId()).isEqualTo("folder-drop:" + id);
    }
}
