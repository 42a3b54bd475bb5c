// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.demo.SampleRecord;

/** A frozen record that already carries an empty signature field per slot (as templates may render it). */
class FrozenWithFieldsTest {
    @Test
    void emptyFieldsTakeTheInkAndTheRecordVerifiesEverywhere() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        byte[] frozen = FrozenPdfFixture.build(20, SampleRecord.slots(20), "Interrogation record", true);
        assertThat(PdfaCheck.failures(frozen)).isEmpty();
        byte[] sealed = new Sealer(f.keys, f.tsaClient).seal(SampleRecord.request(frozen, 20)).sealedPdf();
        VerificationReport report = new Verifier(List.of(f.keys.rootCertificate())).verify("fields.pdf", sealed);
        assertThat(report.failures()).isEmpty();
        assertThat(PdfaCheck.failures(sealed)).isEmpty();
        String pdfsig = Pdfsig.verify(Pdfsig.nssDatabase(f.dir, f.keys.rootCertificate()), f.write("fields.pdf", sealed));
        assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1)).hasSize(8);
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealed)))) {
            var field = PdfFormCreator.getAcroForm(doc, false).getField("p1-suspect-sig");
            byte[] ink = ((com.itextpdf.kernel.pdf.PdfStream) field.getWidgets().get(0).getNormalAppearanceObject())
                    .getBytes();
            assertThat(new String(ink, StandardCharsets.ISO_8859_1)).contains(" l");
            assertThat(doc.getPage(1).getAnnotations()).extracting(PdfAnnotation::getSubtype)
                    .doesNotContain(PdfName.Stamp);
        }
    }
}
