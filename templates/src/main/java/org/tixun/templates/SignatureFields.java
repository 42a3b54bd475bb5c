// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Adds one empty signature field per slot position to revision 0, so each signer's later revision
 * fills a field that already exists (ARCHITECTURE.md, evidence package).
 */
final class SignatureFields {

    private SignatureFields() {}

    /** Returns the field name of a slot on a page: {@code <slotId>_p<1-based page>}. */
    static String name(SlotPosition position) {
        return String.format(Locale.ROOT, "%s_p%d", position.slotId(), position.pageIndex() + 1);
    }

    static void add(PDDocument pdf, List<SlotPosition> positions) throws IOException {
        if (positions.isEmpty()) {
            return;
        }
        PDAcroForm form = new PDAcroForm(pdf);
        pdf.getDocumentCatalog().setAcroForm(form);
        for (SlotPosition position : positions) {
            PDPage page = pdf.getPage(position.pageIndex());
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName(name(position));
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(position.x(), position.y(), position.width(), position.height()));
            widget.setPage(page);
            // PDF/A: a printed widget with an (empty) normal appearance.
            widget.setPrinted(true);
            PDAppearanceStream appearance = new PDAppearanceStream(pdf);
            appearance.setBBox(new PDRectangle(position.width(), position.height()));
            appearance.setResources(new PDResources());
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.setNormalAppearance(appearance);
            widget.setAppearance(appearances);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
        }
    }
}
