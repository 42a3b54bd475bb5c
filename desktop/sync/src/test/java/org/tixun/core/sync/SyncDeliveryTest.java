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
        Path rec1 = SyncFixtures.randomFile(tmp.resolve("rec/segment-0000.mp4"), 3_000_000, 1);
        Path rec2 = SyncFixtures.randomFile(tmp.resolve("rec/segment-0001.mp4"), 1_000_001, 2);
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(),
                List.of(rec1, rec2));
        assertThat(sync.item(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

        SyncWorker.Summary summary = runOnce(new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20)));

        assertThat(summary.delivered()).isEqualTo(1);
        SyncItem item = sync.item(id).orElseThrow();
        assertThat(item.state()).isEqualTo(OutboxState.DONE);
        Receipt receipt = item.receipt().orElseThrow();
        assertThat(receipt.documentSha256()).isEqualTo(Pki.sha256Hex(SyncFixtures.sealedPdf()));
        assertThat(receipt.signatureValid(gateway.receiptCertificate())).isTrue();
        assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SYNCED);
        assertThat(gateway.store().record(id).orElseThrow().receiptJson()).isEqualTo(receipt.toJson());
        for (Path rec : List.of(rec1, rec2)) {
            assertThat(SyncService.sha256(gateway.recordingPath(SyncService.sha256(rec))))
                    .isEqualTo(SyncService.sha256(rec));
        }
    }

    @Test
    void deliveringAgainHasNoSecondEffect() throws Exception {
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
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
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
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
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.tamperedPdf(), List.of());
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
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());
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
        String id = SyncFixtures.sealedRecord(core, sync, tmp.resolve("docs"), SyncFixtures.sealedPdf(), List.of());

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
}
