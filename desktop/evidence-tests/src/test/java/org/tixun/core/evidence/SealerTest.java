// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealerTest {
    @Test
    void committedFrozenSampleIsPdfA3b() throws Exception {
        assertThat(PdfaCheck.failures(EvidenceFixtures.get().frozen)).isEmpty();
    }

    @Test
    void sealedRecordIsPdfA3b() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        f.write("sealed.pdf", f.sealed.sealedPdf());
        f.sealed.revisions().forEach(r -> System.out.println(r));
        assertThat(PdfaCheck.failures(f.sealed.sealedPdf())).isEmpty();
    }

    @Test
    void pdfsigTrustingTheInstitutionCaReportsEverySignatureValid() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        java.nio.file.Path file = f.write("sealed-pdfsig.pdf", f.sealed.sealedPdf());
        String out = Pdfsig.verify(Pdfsig.nssDatabase(f.dir, f.keys.rootCertificate()), file);
        System.out.println(out);
        // Seven CMS signatures (certification, five signers, seal) are verified and trusted; poppler 22.12 lists the
        // RFC 3161 document time-stamp (#8) but cannot validate that signature type, so it only checks it is the last
        // and covers the whole file.
        assertThat(out.split("Signature Validation: Signature is Valid.", -1)).hasSize(8);
        assertThat(out.split("Certificate Validation: Certificate is Trusted.", -1)).hasSize(8);
        assertThat(out.substring(out.indexOf("Signature #8"))).contains("Total document signed");
        assertThat(out).doesNotContain("Signature Validation: Signature is Invalid")
                .doesNotContain("Digest Mismatch");
    }

    @Test
    void everyRevisionIsPdfA3b() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        byte[] pdf = f.sealed.sealedPdf();
        java.util.List<Integer> ends = new java.util.ArrayList<>();
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = f.frozen.length; i <= pdf.length - eof.length; i++) {
            if (java.util.Arrays.equals(pdf, i, i + eof.length, eof, 0, eof.length)) {
                int end = i + eof.length;
                if (end < pdf.length && pdf[end] == '\r') {
                    end++;
                }
                if (end < pdf.length && pdf[end] == '\n') {
                    end++;
                }
                ends.add(end);
            }
        }
        assertThat(ends).as("certification, signer, seal, DSS and document time-stamp revisions").hasSize(9);
        for (int end : ends) {
            assertThat(PdfaCheck.failures(java.util.Arrays.copyOf(pdf, end))).as("revision ending at " + end).isEmpty();
        }
    }
}
