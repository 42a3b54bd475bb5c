// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Records the demo makes carry 「演示 · 非正式证据」 on every page; real records never do. */
class DemoMarkTest {
    private static final String MARK = "演示·非正式证据";

    @Test
    void everyPageOfADemoRecordIsMarkedAndItIsStillPdfA() throws Exception {
        DocumentData data = ExampleData.longInterrogationRecord(40);
        RenderResult r = new DefaultTemplateService(Pdfs.builtIn()).withDemoMark()
                .render("INTERROGATION_RECORD", data, Lang.ZH);
        assertThat(r.pageCount()).isGreaterThan(1);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(Pdfs.squash(stripper.getText(doc))).as("page %d", page).contains(MARK);
            }
        }
        assertThat(PdfA.failures(r.pdf())).isEmpty();
    }

    @Test
    void aRealRecordHasNoMark() throws Exception {
        RenderResult r = new DefaultTemplateService(Pdfs.builtIn()).render("INTERROGATION_RECORD",
                ExampleData.forKind("INTERROGATION_RECORD").orElseThrow(), Lang.ZH);
        assertThat(Pdfs.squash(Pdfs.text(r.pdf()))).doesNotContain(MARK);
        assertThat(new DefaultTemplateService(Pdfs.builtIn()).demoMark()).isFalse();
    }
}
