// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link PdfSigner} on a plain {@link PdfDocument}: iText 9.5's PDF/A-aware document fails with a
 * NullPointerException in PdfA3Checker.checkFileSpec on associated files added before signing, so conformance is
 * checked independently with veraPDF in the tests instead.
 */
final class PlainPdfSigner extends PdfSigner {
    PlainPdfSigner(byte[] pdf, OutputStream out) throws IOException {
        super(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties().useAppendMode());
    }

    @Override
    protected PdfDocument initDocument(PdfReader reader, PdfWriter writer, StampingProperties properties) {
        return new PdfDocument(reader, writer, properties);
    }
}
