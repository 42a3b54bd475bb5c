// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import org.tixun.core.pki.TlsContexts;
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
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordStatus;

class SyncDeliveryTest {
    @TempDir
    Path tmp;
    CoreServices core;
    SyncService sync;
    GatewayServer gateway;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @BeforeEach
    void open() throws Exception {
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gateway")), List.of());
    }

    @AfterEach
    void close() {
        gateway.close();
        core.close();
    }

    private SyncWorker.Summary runOnce(Connector connector) throws InterruptedException {
        try (SyncWorker worker = new SyncWorker(sync, connector, 2, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            return worker.runOnce();
        }
    }

    @Test
    void deliversRecordWithRecordingsAndStoresSignedReceipt() throws Exception {
        SyncFixtures.Sealed sealed = SyncFixtures.multi();
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), sealed);
        assertThat(sync.item(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

        SyncWorker.Summary summary = runOnce(new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20)));

        assertThat(summary.delivered()).isEqualTo(1);
        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.state()).isEqualTo(OutboxState.DONE);
        Receipt receipt = item.receipt().orElseThrow();
        assertThat(receipt.documentSha256()).isEqualTo(Pki.sha256Hex(sealed.pdf()));
        assertThat(receipt.signatureValid(gateway.receiptCertificate())).isTrue();
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SYNCED);
        assertThat(gateway.store().record(id).orElseThrow().receiptJson()).isEqualTo(receipt.toJson());
        for (Path rec : sealed.segments()) {
            assertThat(SyncService.sha256(gateway.recordingPath(SyncService.sha256(rec))))
                    .isEqualTo(SyncService.sha256(rec));
        }
    }

    @Test
    void deliveringAgainHasNoSecondEffect() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        RestConnector rest = new RestConnector(SyncFixtures.rest(gateway));
        runOnce(rest);
        String first = sync.item(id).orElseThrow().receiptJson();
        // as if the receipt had been lost: the whole delivery is repeated
        Receipt again = rest.deliver(sync.prepare(id));

        assertThat(again.toJson()).isEqualTo(first);
        assertThat(gateway.store().recordCount()).isEqualTo(1);
        assertThat(sync.enqueue(id)).isFalse();
        assertThat(runOnce(rest).delivered()).isZero();
    }

    @Test
    void receiptSignedByAnotherKeyIsRefusedWhenTheSignerIsPinned() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        var stranger = org.tixun.core.gateway.ReceiptSigner.loadOrCreate(tmp.resolve("stranger")).certificate();

        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway).withReceiptSigner(stranger))).refused())
                .isEqualTo(1);
        assertThat(sync.item(id).orElseThrow().lastError()).contains("signature does not verify");

        sync.retry("clerk", id);
        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway)
                .withReceiptSigner(gateway.receiptCertificate()))).delivered()).isEqualTo(1);
    }

    @Test
    void tamperedRecordFailsWithServersWordsAndIsNotRetried() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"),
                SyncFixtures.demo().withPdf(SyncFixtures.tamperedPdf()));
        RestConnector rest = new RestConnector(SyncFixtures.rest(gateway));

        SyncWorker.Summary summary = runOnce(rest);

        assertThat(summary.refused()).isEqualTo(1);
        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.state()).isEqualTo(OutboxState.FAILED);
        assertThat(item.lastStatus()).isEqualTo(422);
        assertThat(item.lastError()).contains("does not verify");
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.FAILED);
        assertThat(runOnce(rest).refused()).isZero();
        assertThat(sync.item(id).orElseThrow().attempts()).isEqualTo(1);

        sync.retry("clerk", id);
        assertThat(sync.item(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SEALED);
        assertThat(runOnce(rest).refused()).isEqualTo(1);
        assertThat(gateway.store().recordCount()).isZero();
    }

    @Test
    void differentDocumentUnderSameIdIsAConflict() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        runOnce(new RestConnector(SyncFixtures.rest(gateway)));
        // another workstation's store that reuses the id with other bytes
        byte[] other = SyncFixtures.sealedPdf();
        other[other.length - 2] = '\n';
        Path otherPdf = Files.write(tmp.resolve("other.pdf"), other);
        Delivery d = sync.prepare(id);
        Delivery conflicting = new Delivery(id, otherPdf, Pki.sha256Hex(other), other.length, d.manifestJson(),
                List.of());
        try {
            new RestConnector(SyncFixtures.rest(gateway)).deliver(conflicting);
            throw new AssertionError("expected a refusal");
        } catch (DeliveryException e) {
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("different document");
        }
    }

    @Test
    void mutualTlsWithBearerTokenDelivers() throws Exception {
        gateway.close();
        var keys = SyncFixtures.keys();
        IssuedCredential server = keys.issueTlsCertificate("gateway", "127.0.0.1");
        IssuedCredential client = keys.issueTlsCertificate("workstation", "127.0.0.1");
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gateway-tls"))
                .withTls(TlsContexts.create(server, List.of(keys.rootCertificate())), true)
                .withBearerToken("s3cret"), List.of());
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());

        RestConnector noCert = new RestConnector(SyncFixtures.rest(gateway)
                .withTls(TlsContexts.create(null, List.of(keys.rootCertificate()))).withBearerToken("s3cret"));
        assertThat(runOnce(noCert).retryLater()).isEqualTo(1);
        assertThat(sync.item(id).orElseThrow().lastError()).contains("cannot reach");

        RestConnector wrongToken = new RestConnector(SyncFixtures.rest(gateway)
                .withTls(TlsContexts.create(client, List.of(keys.rootCertificate()))).withBearerToken("guess"));
        sync.retry("clerk", id);
        assertThat(runOnce(wrongToken).refused()).isEqualTo(1);
        assertThat(sync.item(id).orElseThrow().lastStatus()).isEqualTo(401);

        sync.retry("clerk", id);
        RestConnector good = new RestConnector(SyncFixtures.rest(gateway)
                .withTls(TlsContexts.create(client, List.of(keys.rootCertificate()))).withBearerToken("s3cret"));
        assertThat(good.destination()).startsWith("https://");
        assertThat(runOnce(good).delivered()).isEqualTo(1);
        assertThat(sync.item(id).orElseThrow().state()).isEqualTo(OutboxState.DONE);
    }

    /** Replaces a file (never in place: filed segments may be hard links to the fixture's files). */
    private static void replace(Path file, byte[] bytes) throws java.io.IOException {
        Files.delete(file);
        Files.write(file, bytes);
    }

    @Test
    void alteredSegmentIsNeverSentAndTheClerkSeesTheFileAndBothHashes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger segmentPuts = new java.util.concurrent.atomic.AtomicInteger();
        gateway.close();
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gateway-2")), List.of(
                SyncFaultTest.filter((ex, chain) -> {
                    if ("PUT".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().contains("/recordings/")) {
                        segmentPuts.incrementAndGet();
                    }
                    chain.doFilter(ex);
                })));
        SyncFixtures.Sealed sealed = SyncFixtures.multi();
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), sealed);
        var filed = org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow();
        assertThat(filed.segments()).hasSize(2).allSatisfy(s -> {
            assertThat(s.problem()).isNull();
            assertThat(s.path()).startsWith(tmp.resolve("data/archive").resolve(id));
        });
        Path segment = filed.segments().get(1).path();
        byte[] original = Files.readAllBytes(segment);
        byte[] altered = original.clone();
        altered[1000] ^= 0x01;
        replace(segment, altered);
        String alteredSha = Pki.sha256Hex(altered);
        String sealedSha = sealed.recording().segments().get(1).sha256();

        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20))).refused())
                .isEqualTo(1);

        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.state()).isEqualTo(OutboxState.FAILED);
        assertThat(item.problem()).isEqualTo(SyncProblem.RECORDING_MISMATCH);
        assertThat(item.lastError()).contains("录像文件与封存记录不一致", segment.toString(), sealedSha, alteredSha);
        assertThat(sync.reason(item, true).code()).isEqualTo(WaitReason.Code.PROBLEM);
        assertThat(sync.reason(item, true).zh()).contains("录像文件与封存记录不一致", alteredSha);
        var marked = org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow().segments().get(1);
        assertThat(marked.problem()).isEqualTo(org.tixun.core.recording.SealedRecordings.Problem.MISMATCH);
        assertThat(marked.foundSha256()).isEqualTo(alteredSha);
        assertThat(core.audit().entriesFor(id)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("RECORDING_MISMATCH");
            assertThat(e.details()).contains(sealedSha, alteredSha);
        });
        // nothing of the altered segment went out, and the record was not registered without it
        assertThat(gateway.recordingPath(sealedSha)).doesNotExist();
        assertThat(gateway.recordingPath(sealedSha).resolveSibling(sealedSha + ".part")).doesNotExist();
        assertThat(gateway.store().recordCount()).isZero();
        int putsBefore = segmentPuts.get();

        // the clerk restores the sealed file and retries
        replace(segment, original);
        sync.retry("clerk", id);
        assertThat(org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow().problems()).isEmpty();
        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20))).delivered())
                .isEqualTo(1);
        assertThat(segmentPuts.get()).isGreaterThan(putsBefore);
        assertThat(SyncService.sha256(gateway.recordingPath(sealedSha))).isEqualTo(sealedSha);
    }

    @Test
    void recordWhoseSealedSegmentsAreMissingIsNeverRegistered() throws Exception {
        SyncFixtures.Sealed sealed = SyncFixtures.multi();
        Path empty = Files.createDirectories(tmp.resolve("no-recording"));
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"),
                new SyncFixtures.Sealed(sealed.pdf(), empty, sealed.recording()));
        assertThat(org.tixun.core.recording.SealedRecordings.of(core).find(id).orElseThrow().problems()).hasSize(2);

        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway))).refused()).isEqualTo(1);

        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.problem()).isEqualTo(SyncProblem.RECORDING_MISSING);
        assertThat(item.lastError()).contains("录像文件缺失").contains(sealed.recording().segments().get(0).sha256());
        assertThat(gateway.store().recordCount()).isZero();
        assertThat(gateway.store().document(id)).isEmpty();

        // the clerk puts the sealed files where the record keeps them and retries
        Path folder = org.tixun.core.recording.SealedRecordings.of(core).directoryOf(id);
        for (Path seg : sealed.segments()) {
            Files.copy(seg, folder.resolve(seg.getFileName()));
        }
        sync.retry("clerk", id);
        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway))).delivered()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode registered = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(gateway.store().record(id).orElseThrow().manifestJson());
        assertThat(registered.get("recordings")).hasSize(2);
        assertThat(registered.get("recordingChainHead").asText()).isEqualTo(sealed.recording().chainHead());
    }

    @Test
    void alteredDocumentIsNeverSent() throws Exception {
        String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
        Path pdf = Path.of(core.records().sealedDocument(id).orElseThrow().path());
        replace(pdf, SyncFixtures.tamperedPdf());

        assertThat(runOnce(new RestConnector(SyncFixtures.rest(gateway))).refused()).isEqualTo(1);

        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.problem()).isEqualTo(SyncProblem.DOCUMENT_MISMATCH);
        assertThat(item.lastError()).contains("笔录文件与封存记录不一致", pdf.toString());
        assertThat(gateway.store().document(id)).isEmpty();
    }
}
