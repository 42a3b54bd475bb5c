// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.WrongPassphraseException;

/** GM track: a detached SM2/SM3 signature over each signer's manifest, checked by the verifier. */
class GmTrackTest {
    private final EvidenceFixtures f = EvidenceFixtures.get();

    @Test
    void sm2SignaturesPerRevisionVerifyAgainstTheGmRoot() throws Exception {
        Path p12 = f.dir.resolve("gm.p12");
        GmKeyStore gm = GmKeyStore.create(p12, "gm-pass".toCharArray(), "某某市人民检察院");
        Path pem = f.dir.resolve("gm-root.pem");
        Certificates.writePem(pem, gm.rootCertificate());
        GmKeyStore reopened = GmKeyStore.open(p12, "gm-pass".toCharArray());
        SealResult sealed = new Sealer(f.keys, f.tsaClient, reopened).seal(f.request);
        Verifier verifier = new Verifier(List.of(f.keys.rootCertificate()));
        VerificationReport report = verifier.verify("gm.pdf", sealed.sealedPdf(),
                new Verifier.Options(null, null, Certificates.read(pem).get(0)));
        assertThat(report.failures()).isEmpty();
        assertThat(report.revisions().stream().flatMap(r -> r.findings().stream())
                .filter(x -> x.check().equals("gm") && x.ok())).hasSize(5);
        assertThat(PdfaCheck.failures(sealed.sealedPdf())).isEmpty();

        GmKeyStore other = GmKeyStore.create(f.dir.resolve("gm-other.p12"), "x".toCharArray(), "别的院");
        VerificationReport wrongRoot = verifier.verify("gm.pdf", sealed.sealedPdf(),
                new Verifier.Options(null, null, other.rootCertificate()));
        assertThat(wrongRoot.failures()).extracting(Finding::zh)
                .anyMatch(z -> z.startsWith("犯罪嫌疑人张三的国密（SM2/SM3）签名无效："));
    }

    @Test
    void recordSealedWithoutGmTrackFailsAGmCheck() throws Exception {
        GmKeyStore gm = GmKeyStore.create(f.dir.resolve("gm-2.p12"), "p".toCharArray(), "某院");
        VerificationReport report = new Verifier(List.of(f.keys.rootCertificate())).verify("plain.pdf",
                f.sealed.sealedPdf(), new Verifier.Options(null, null, gm.rootCertificate()));
        assertThat(report.failures()).extracting(Finding::zh).contains("记录人孙七缺少国密（SM2/SM3）签名");
    }

    @Test
    void gmKeyStoreRefusesAWrongPassphrase() throws Exception {
        Path p12 = f.dir.resolve("gm-3.p12");
        GmKeyStore.create(p12, "right".toCharArray(), "某院");
        assertThatThrownBy(() -> GmKeyStore.open(p12, "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }
}
