// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DssValidationTest {
    @Test
    void dssReportsTotalPassedWithTheInstitutionCaAsTrustAnchor() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        List<String> indications = DssSecondOpinion.indications(f.sealed.sealedPdf(), f.keys.rootCertificate());
        System.out.println(String.join("\n", indications));
        assertThat(indications).filteredOn(s -> s.startsWith("signature")).hasSize(6)
                .allMatch(s -> s.endsWith("TOTAL_PASSED"));
    }

    @Test
    void dssDoesNotPassATamperedRecord() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        byte[] pdf = f.sealed.sealedPdf().clone();
        pdf[1200] ^= 0x01;
        assertThat(DssSecondOpinion.totalPassed(pdf, f.keys.rootCertificate())).isFalse();
    }
}
