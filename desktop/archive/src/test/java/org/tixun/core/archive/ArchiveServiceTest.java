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
        sync = org.tixun.core.sync.SyncService.of(core);
        archive = org.tixun.core.archive.ArchiveService.of(core);
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
        SyncFixtures.Sealed demo = SyncFixtures.demo();

        ArchiveService.ImportResult imported = archive.importSealed("clerk", pdf, demo.recordingDir(), "外来〔2026〕7号",
                anchors());

        String id = imported.recordId();
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SEALED);
        assertThat(core.records().find(id).orElseThrow().caseNumber()).isEqualTo("外来〔2026〕7号");
        assertThat(archive.syncState(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        Path filed = Path.of(core.records().sealedDocument(id).orElseThrow().path());
        assertThat(filed).startsWith(tmp.resolve("data/archive"));
        assertThat(Pki.sha256Hex(Files.readAllBytes(filed))).isEqualTo(Pki.sha256Hex(SyncFixtures.sealedPdf()));
        assertThat(imported.recordings()).isEqualTo(demo.recording().segments().size());
        var recording = org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow();
        assertThat(recording.source()).isEqualTo(org.tixun.core.recording.SealedRecordings.Source.IMPORTED);
        assertThat(recording.chainHead()).isEqualTo(demo.recording().chainHead());
        assertThat(recording.segments()).allSatisfy(sg -> {
            assertThat(sg.problem()).isNull();
            assertThat(sg.path()).startsWith(tmp.resolve("data/archive").resolve(id)).hasSameBinaryContentAs(
                    demo.recordingDir().resolve(sg.sealed().name()));
        });

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
        for (var seg : demo.recording().segments()) {
            assertThat(export.folder().resolve("recordings").resolve(seg.name()))
                    .hasSameBinaryContentAs(demo.recordingDir().resolve(seg.name()));
            assertThat(Files.readString(export.folder().resolve("manifest.json"))).contains(seg.sha256());
        }
    }

    @Test
    void importOfARecordThatSealedARecordingNeedsTheRecording() throws Exception {
        Path pdf = Files.write(tmp.resolve("received.pdf"), SyncFixtures.sealedPdf());

        assertThatThrownBy(() -> archive.importSealed("clerk", pdf, null, "外来〔2026〕10号", anchors()))
                .isInstanceOf(TixunException.class).hasMessageContaining("--recording");
        assertThat(core.records().count(RecordQuery.all(10))).isZero();
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
    void exportListsTheSealedSegmentsWithTheWorkingCopy() throws Exception {
        SyncFixtures.Sealed demo = SyncFixtures.demo();
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), demo);

        ArchiveService.ExportResult export = archive.export("clerk", id, tmp.resolve("out"), anchors());

        assertThat(export.report().ok()).as(export.report().toText()).isTrue();
        assertThat(export.notes()).isEmpty();
        Path recordings = export.folder().resolve("recordings");
        for (var seg : demo.recording().segments()) {
            assertThat(recordings.resolve(seg.name())).hasSameBinaryContentAs(demo.recordingDir().resolve(seg.name()));
        }
        assertThat(Files.readAllBytes(recordings.resolve("recording-manifest.json")))
                .isEqualTo(org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow().manifestJson());
        assertThat(export.folder().resolve("recording.mp4")).isRegularFile();
        assertThat(export.folder().resolve("receipt.json")).doesNotExist();
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(export.folder().resolve("manifest.json").toFile());
        assertThat(manifest.get("recordings")).hasSize(demo.recording().segments().size());
        assertThat(manifest.get("recordingChainHead").asText()).isEqualTo(demo.recording().chainHead());
        try (var leftovers = Files.list(tmp.resolve("out"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly(id);
        }
    }

    @Test
    void aFullDiskDuringExportLeavesNoHalfPackageAndTheExportCompletesOnceThereIsSpace() throws Exception {
        SyncFixtures.Sealed demo = SyncFixtures.demo();
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), demo);
        long pdf = demo.pdf().length;
        long firstSegment = Files.size(demo.segments().get(0));
        // room for the document and the first segment, not for the second: the disk fills up in the middle
        long size = pdf + firstSegment + Files.size(demo.segments().get(1)) / 2;
        try (org.tixun.core.TmpfsMount disk = org.tixun.core.TmpfsMount.mount(tmp.resolve("usb"), size)) {
            Path out = disk.dir().resolve("exports");

            assertThatThrownBy(() -> archive.export("clerk", id, out, anchors()))
                    .isInstanceOf(TixunException.class).hasMessageContaining("磁盘空间不足")
                    .hasMessageContaining("no space left");
            try (var left = Files.list(out)) {
                assertThat(left).as("no half package, no temporary folder").isEmpty();
            }

            disk.resize(64L << 20);
            ArchiveService.ExportResult export = archive.export("clerk", id, out, anchors());

            assertThat(export.report().ok()).isTrue();
            for (var seg : demo.recording().segments()) {
                assertThat(export.folder().resolve("recordings").resolve(seg.name()))
                        .hasSameBinaryContentAs(demo.recordingDir().resolve(seg.name()));
            }
            try (var left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly(id);
            }
        }
    }

    @Test
    void verifyAllNamesEveryFailure() throws Exception {
        String good = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        String bad = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        String gone = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        String altered = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        Files.write(Path.of(core.records().sealedDocument(bad).orElseThrow().path()), SyncFixtures.tamperedPdf());
        Files.delete(Path.of(core.records().sealedDocument(gone).orElseThrow().path()));
        Path segment = org.tixun.core.recording.SealedRecordings.of(core).find(altered).orElseThrow().segments().get(1).path();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x01;
        Files.delete(segment); // never in place: the filed segment may be a hard link to the fixture's file
        Files.write(segment, bytes);

        List<ArchiveService.VerifyOutcome> all = archive.verifyAll(anchors());

        assertThat(all).hasSize(4);
        assertThat(all).filteredOn(o -> o.recordId().equals(altered)).singleElement()
                .satisfies(o -> assertThat(o.ok()).isFalse());
        assertThat(all).filteredOn(ArchiveService.VerifyOutcome::ok).extracting(ArchiveService.VerifyOutcome::recordId)
                .containsExactly(good);
        assertThat(all).filteredOn(o -> o.recordId().equals(gone)).singleElement()
                .satisfies(o -> assertThat(o.summary()).contains("cannot read"));
    }
}
