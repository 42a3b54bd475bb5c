// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.core.pki.InstitutionKeyStore;

class VerifierTest {
    @Test
    void sealedSampleRecordPassesEveryCheck() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        VerificationReport report = new Verifier(List.of(f.keys.rootCertificate())).verify("sealed.pdf",
                f.sealed.sealedPdf(), new Verifier.Options(f.keys.escrowCredential(), null));
        System.out.println(report.toText());
        assertThat(report.failures()).isEmpty();
        assertThat(report.exitCode()).isZero();
        assertThat(report.revisions()).extracting(RevisionReport::kind).containsExactly("signer", "signer", "signer",
                "signer", "signer", "seal", "document-timestamp");
        assertThat(report.revisions().get(0).role()).isEqualTo("犯罪嫌疑人");
    }

    @Test
    void recordFromAnotherInstitutionIsNotTrusted() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        InstitutionKeyStore other = InstitutionKeyStore.create(f.dir.resolve("other.p12"), "x".toCharArray(), "别的院");
        VerificationReport report = new Verifier(List.of(other.rootCertificate())).verify("sealed.pdf",
                f.sealed.sealedPdf());
        assertThat(report.exitCode()).isEqualTo(VerificationReport.EXIT_FAILED);
        assertThat(report.failures()).extracting(Finding::check).contains("chain", "timestamp");
    }
}
