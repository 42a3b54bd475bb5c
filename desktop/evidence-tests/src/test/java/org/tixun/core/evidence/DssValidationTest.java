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
        assertThat(indications).filteredOn(s -> s.startsWith("signature")).hasSize(7)
                .allMatch(s -> s.endsWith("TOTAL_PASSED"));
    }

    /**
     * DSS's difference analysis of a genuine record: every change after each signature is one it can classify
     * (signature/form fill, annotations, /DSS and time-stamps); no undefined object modification, and the
     * certification signature's DocMDP level is the one decision 0009 chose.
     */
    @Test
    void dssFindsNoUndefinedModificationInAGenuineRecord() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        var reports = DssSecondOpinion.validate(f.sealed.sealedPdf(), f.keys.rootCertificate());
        List<String> changes = DssSecondOpinion.objectModifications(reports);
        assertThat(changes).isNotEmpty().noneMatch(c -> c.contains(": undefined "));
        var certification = reports.getDiagnosticData().getSignatures().stream()
                .filter(s -> Sealer.CERTIFICATION_FIELD.equals(s.getPDFRevision().getFirstFieldName())).findFirst()
                .orElseThrow();
        assertThat(certification.getPDFRevision().getDocMDPPermissions())
                .isEqualTo(eu.europa.esig.dss.enumerations.CertificationPermission.CHANGES_PERMITTED);
        for (var s : reports.getDiagnosticData().getSignatures()) {
            assertThat(s.getPDFRevision().getPdfUndefinedChanges()).as(s.getPDFRevision().getFirstFieldName())
                    .isEmpty();
        }
    }

    @Test
    void dssDoesNotPassATamperedRecord() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        byte[] pdf = f.sealed.sealedPdf().clone();
        pdf[1200] ^= 0x01;
        assertThat(DssSecondOpinion.totalPassed(pdf, f.keys.rootCertificate())).isFalse();
    }
}
