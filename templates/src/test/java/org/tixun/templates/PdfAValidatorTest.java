// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Shows that the veraPDF check used by the rendering tests does fail on a non-conforming file. */
class PdfAValidatorTest {

    @Test
    void reportsADocumentWithoutOutputIntentAndMetadata() throws Exception {
        byte[] good = Pdfs.example("SERVICE_RECEIPT", Lang.ZH).pdf();
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(good)) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
            doc.save(broken);
        }
        assertThat(PdfA.failures(broken.toByteArray())).isNotEmpty();
    }
}
