// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

class SignatureFieldsTest {

    @Test
    void everySlotPositionIsAnEmptySignatureFieldWithTheSameRectangle() throws Exception {
        RenderResult result = Pdfs.example("INTERROGATION_RECORD", Lang.ZH);
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            List<PDSignatureField> fields = doc.getSignatureFields();
            assertThat(fields).hasSize(result.slots().size());
            for (SlotPosition slot : result.slots()) {
                PDSignatureField field = fields.stream()
                        .filter(f -> f.getPartialName().equals(slot.slotId() + "_p" + (slot.pageIndex() + 1)))
                        .findFirst().orElseThrow();
                assertThat(field.getSignature()).isNull();
                PDRectangle rect = field.getWidgets().get(0).getRectangle();
                assertThat(rect.getLowerLeftX()).isCloseTo(slot.x(), offset(0.01f));
                assertThat(rect.getLowerLeftY()).isCloseTo(slot.y(), offset(0.01f));
                assertThat(rect.getWidth()).isCloseTo(slot.width(), offset(0.01f));
                assertThat(doc.getPage(slot.pageIndex()).getAnnotations()).contains(field.getWidgets().get(0));
            }
        }
    }
}
