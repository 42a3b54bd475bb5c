// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.signatures.PdfSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link PdfSigner} on a plain {@link PdfDocument}: iText 9.5's PDF/A-aware document fails with a
 * NullPointerException in PdfA3Checker.checkFileSpec on associated files added before signing, so conformance is
 * checked independently with veraPDF in the tests instead. The document is an {@link AppendOnlyDocument}: the update
 * carries only what the signer adds, never a rewritten information dictionary or XMP stream.
 */
final class PlainPdfSigner extends PdfSigner {
    PlainPdfSigner(byte[] pdf, OutputStream out) throws IOException {
        super(new PdfReader(new ByteArrayInputStream(pdf)), out, new StampingProperties().useAppendMode());
    }

    @Override
    protected PdfDocument initDocument(PdfReader reader, PdfWriter writer, StampingProperties properties) {
        return new AppendOnlyDocument(reader, writer);
    }

    private com.itextpdf.forms.PdfAcroForm signersAcroForm() {
        try {
            java.lang.reflect.Field f = PdfSigner.class.getDeclaredField("acroForm");
            f.setAccessible(true);
            return (com.itextpdf.forms.PdfAcroForm) f.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("iText's PdfSigner has no acroForm field", e);
        }
    }

    /**
     * Adds the signature field (one dictionary: field and widget merged) before signing when the document has none of
     * that name. iText's own field creation builds a separate widget, merges it into the field and leaves the first
     * widget's object number allocated but unwritten, which then appears as a freed entry in the cross-reference
     * section; validators' difference analysis (pyHanko) reports that.
     */
    void prepareField(String name, int pageNumber, Rectangle rect) {
        com.itextpdf.forms.PdfAcroForm acroForm = signersAcroForm();
        if (acroForm.getField(name) != null) {
            return;
        }
        PdfDocument doc = getDocument();
        PdfDictionary field = new PdfDictionary();
        field.put(PdfName.FT, PdfName.Sig);
        field.put(PdfName.T, new PdfString(name));
        field.put(PdfName.Type, PdfName.Annot);
        field.put(PdfName.Subtype, PdfName.Widget);
        field.put(PdfName.Rect, new PdfArray(rect));
        field.put(PdfName.F, new PdfNumber(PdfAnnotation.PRINT | PdfAnnotation.LOCKED));
        field.put(PdfName.P, doc.getPage(pageNumber).getPdfObject());
        field.makeIndirect(doc);
        acroForm.addField(PdfFormField.makeFormField(field, doc), doc.getPage(pageNumber));
        if (acroForm.getPdfObject().isIndirect()) {
            acroForm.setModified();
        } else {
            doc.getCatalog().setModified();
        }
    }
}
