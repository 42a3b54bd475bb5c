// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEvent;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEventHandler;
import com.itextpdf.kernel.pdf.event.PdfDocumentEvent;
import java.lang.reflect.Method;

/**
 * A plain {@link PdfDocument} in append mode that writes only what the caller changed: iText otherwise rewrites the
 * document information dictionary (ModDate, Producer) and the XMP metadata stream in every incremental update, which
 * validators' difference analysis (and our own verifier) rightly report as changes after signing.
 */
final class AppendOnlyDocument extends PdfDocument {
    private static final short MODIFIED = 1 << 3; // PdfObject.MODIFIED (protected)
    private static final Method CLEAR_STATE;
    private static final Method INFO_DICTIONARY;

    static {
        try {
            CLEAR_STATE = PdfObject.class.getDeclaredMethod("clearState", short.class);
            CLEAR_STATE.setAccessible(true);
            INFO_DICTIONARY = com.itextpdf.kernel.pdf.PdfDocumentInfo.class.getDeclaredMethod("getPdfObject");
            INFO_DICTIONARY.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean closing;

    AppendOnlyDocument(PdfReader reader, PdfWriter writer) {
        super(reader, writer, new StampingProperties().useAppendMode());
        addEventHandler(PdfDocumentEvent.START_DOCUMENT_CLOSING, new AbstractPdfDocumentEventHandler() {
            @Override
            protected void onAcceptedEvent(AbstractPdfDocumentEvent event) {
                closing = true;
                // The producer line and ModDate were set on the information dictionary when the document was opened
                // and when closing started: leave the dictionary as it is in the file instead.
                unmark(infoDictionary().getIndirectReference());
            }
        });
    }

    private PdfDictionary infoDictionary() {
        try {
            return (PdfDictionary) INFO_DICTIONARY.invoke(getDocumentInfo());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot keep the document information unchanged", e);
        }
    }

    private static void unmark(PdfIndirectReference ref) {
        if (ref == null) {
            return;
        }
        try {
            CLEAR_STATE.invoke(ref, MODIFIED);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot keep the document information unchanged", e);
        }
    }

    @Override
    protected void updateXmpMetadata() {
        // The XMP metadata of the frozen record stays as it is: no producer or date is rewritten after signing.
    }

    @Override
    public byte[] getXmpMetadataBytes() {
        return closing ? null : super.getXmpMetadataBytes();
    }
}
