// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.attacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.demo.SampleRecord;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.gateway.ReceiptSigner;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.pki.Receipt;

/**
 * One institution (whose keys the insider attacker holds too), its running TSA, a genuine sealed 20-page record, and
 * the case system's receipt signer (whose key no attacker holds).
 */
final class AttackFixture {
    private static AttackFixture instance;

    final Path dir;
    final InstitutionKeyStore keys;
    final EmbeddedTsa tsa;
    final Rfc3161Client tsaClient;
    final byte[] genuine;
    final ReceiptSigner caseSystem;

    private AttackFixture() throws Exception {
        dir = Files.createTempDirectory("tixun-attacks");
        keys = InstitutionKeyStore.create(dir.resolve("institution.p12"), "attack suite".toCharArray(), "某某市人民检察院");
        tsa = new EmbeddedTsa(keys.tsaCredential());
        tsaClient = new Rfc3161Client(tsa.start(0));
        genuine = new Sealer(keys, tsaClient).seal(SampleRecord.request(SampleRecord.frozenPdf(), 20)).sealedPdf();
        caseSystem = ReceiptSigner.loadOrCreate(dir.resolve("case-system"));
        Runtime.getRuntime().addShutdownHook(new Thread(tsa::close));
    }

    static synchronized AttackFixture get() {
        if (instance == null) {
            try {
                instance = new AttackFixture();
            } catch (Exception e) {
                throw new IllegalStateException("attack fixture failed", e);
            }
        }
        return instance;
    }

    /** The case system's signed receipt for a file it received (as the sync outbox stores it). */
    Verifier.TimeAnchor receiptFor(byte[] received) {
        String hash = Pki.sha256Hex(received);
        String at = Instant.now().toString();
        String id = "RCPT-" + hash.substring(0, 8);
        String signature = caseSystem.sign(Receipt.signedContent("REC-2026-0001", hash, at, id));
        Receipt r = new Receipt("REC-2026-0001", hash, at, id, signature);
        X509Certificate cert = caseSystem.certificate();
        return new Verifier.TimeAnchor(r.documentSha256(), r.receivedAt(), r.receiptId(), r.signatureValid(cert),
                cert.getSubjectX500Principal().getName());
    }

    VerificationReport verify(byte[] pdf, boolean withReceipt) throws IOException {
        Verifier.Options options = Verifier.Options.NONE.withSealCertificates(List.of(keys.sealCredential()
                .certificate()));
        if (withReceipt) {
            options = options.withReceipt(receiptFor(genuine));
        }
        return new Verifier(List.of(keys.rootCertificate())).verify("variant.pdf", pdf, options);
    }
}
