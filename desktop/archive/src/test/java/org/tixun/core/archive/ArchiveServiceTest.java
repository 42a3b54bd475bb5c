// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.tixun.core.TixunException;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordQuery;
import org.tixun.core.records.RecordStatus;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.RestConnector;
import org.tixun.core.sync.SyncFixtures;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.SyncWorker;

class ArchiveServiceTest {
    @TempDir
    Path tmp;
    CoreServices core;
    SyncService sync;
    ArchiveService archive;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @BeforeEach
    void open() {
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
        archive = new ArchiveService(core.database(), core.records(), core.audit(), sync, tmp.resolve("data/archive"),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        core.close();
    }

    List<java.security.cert.X509Certificate> anchors() {
        return List.of(SyncFixtures.keys().rootCertificate());
    }

    @Test
    void importedRecordIsVerifiedFiledQueuedAndExportedWithItsReceipt() throws Exception {
        Path pdf = Files.write(tmp.resolve("received.pdf"), SyncFixtures.sealedPdf());

        ArchiveService.ImportResult imported = archive.importSealed("clerk", pdf, null, "外来〔2026〕7号", anchors());

        String id = imported.recordId();
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SEALED);
        assertThat(core.records().find(id).orElseThrow().caseNumber()).isEqualTo("外来〔2026〕7号");
        assertThat(archive.syncState(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        Path filed = Path.of(core.records().sealedDocument(id).orElseThrow().path());
        assertThat(filed).startsWith(tmp.resolve("data/archive"));
        assertThat(Pki.sha256Hex(Files.readAllBytes(filed))).isEqualTo(Pki.sha256Hex(SyncFixtures.sealedPdf()));

        try (GatewayServer gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")), List.of());
             SyncWorker w = new SyncWorker(sync, new RestConnector(SyncFixtures.rest(gateway)), 1,
                     SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            assertThat(w.runOnce().delivered()).isEqualTo(1);
        }
        ArchiveService.ExportResult export = archive.export("clerk", id, tmp.resolve("out"), anchors());

        assertThat(export.report().ok()).isTrue();
        assertThat(export.folder()).isEqualTo(tmp.resolve("out").resolve(id));
        for (String f : List.of("record.pdf", "manifest.json", "verification.txt", "verification.json",
                "receipt.json")) {
            assertThat(export.folder().resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(export.folder().resolve("receipt.json")))
                .isEqualTo(archive.syncState(id).orElseThrow().receiptJson());
        assertThat(Files.readString(export.folder().resolve("manifest.json"))).contains(id, "外来〔2026〕7号");
    }

    @Test
    void tamperedImportIsRefusedAndNothingFiled() throws Exception {
        Path pdf = Files.write(tmp.resolve("tampered.pdf"), SyncFixtures.tamperedPdf());

        assertThatThrownBy(() -> archive.importSealed("clerk", pdf, null, "外来〔2026〕8号", anchors()))
                .isInstanceOf(TixunException.class).hasMessageContaining("does not verify");
        assertThat(core.records().count(RecordQuery.all(10))).isZero();
        assertThat(sync.items()).isEmpty();
    }

    @Test
    void importWithRecordingsThatDoNotMatchIsRefused() throws Exception {
        Path pdf = Files.write(tmp.resolve("received.pdf"), SyncFixtures.sealedPdf());
        Path recordings = tmp.resolve("recordings");
        SyncFixtures.randomFile(recordings.resolve("segment-0003.mp4"), 1000, 1);

        assertThatThrownBy(() -> archive.importSealed("clerk", pdf, recordings, "外来〔2026〕9号", anchors()))
                .isInstanceOf(TixunException.class);
        assertThat(core.records().count(RecordQuery.all(10))).isZero();
    }

    @Test
    void exportCarriesRecordingWorkingCopies() throws Exception {
        Path rec = SyncFixtures.randomFile(tmp.resolve("rec/segment-0000.mp4"), 5000, 2);
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of(rec));

        ArchiveService.ExportResult export = archive.export("clerk", id, tmp.resolve("out"), anchors());

        assertThat(export.folder().resolve("recordings/segment-0000.mp4")).hasSameBinaryContentAs(rec);
        assertThat(export.folder().resolve("receipt.json")).doesNotExist();
        assertThat(Files.readString(export.folder().resolve("manifest.json"))).contains(SyncService.sha256(rec));
    }

    @Test
    void verifyAllNamesEveryFailure() throws Exception {
        String good = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
        String bad = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
        String gone = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
        Files.write(Path.of(core.records().sealedDocument(bad).orElseThrow().path()), SyncFixtures.tamperedPdf());
        Files.delete(Path.of(core.records().sealedDocument(gone).orElseThrow().path()));

        List<ArchiveService.VerifyOutcome> all = archive.verifyAll(anchors());

        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(ArchiveService.VerifyOutcome::ok).extracting(ArchiveService.VerifyOutcome::recordId)
                .containsExactly(good);
        assertThat(all).filteredOn(o -> o.recordId().equals(gone)).singleElement()
                .satisfies(o -> assertThat(o.summary()).contains("cannot read"));
    }
}
