// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Corrections after the review are marked in the interrogation record: old struck through, new underlined. */
class MarkedCorrectionTest {
    private static final String TEXT = "价值大约{~~三百元~>四百六十元~~}，{--当时--}{++事后++}我就走了。";

    @Test
    void substitutionDeletionAndInsertionBecomeMarkedSpans() throws Exception {
        DocumentTemplate template = Pdfs.builtIn().find("INTERROGATION_RECORD").orElseThrow();
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow().withQa(List.of(new QaEntry("经过？", TEXT)));
        var doc = LayoutFiller.fill(template, data, Lang.ZH, "");
        NodeList spans = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "span");
        StringBuilder old = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int i = 0; i < spans.getLength(); i++) {
            Element s = (Element) spans.item(i);
            if ("corr-old".equals(s.getAttribute("class"))) {
                old.append(s.getTextContent()).append('|');
            } else if ("corr-new".equals(s.getAttribute("class"))) {
                added.append(s.getTextContent()).append('|');
            }
        }
        assertThat(old.toString()).isEqualTo("三百元|当时|");
        assertThat(added.toString()).isEqualTo("四百六十元|事后|");
    }

    @Test
    void theRenderedRecordShowsBothTextsAndNoMarkup() throws Exception {
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow().withQa(List.of(new QaEntry("经过？", TEXT)));
        RenderResult r = new DefaultTemplateService(Pdfs.builtIn()).render("INTERROGATION_RECORD", data, Lang.ZH);
        String text = Pdfs.squash(Pdfs.text(r.pdf()));
        assertThat(text).contains("价值大约三百元四百六十元").contains("当时事后我就走了").doesNotContain("{~~")
                .doesNotContain("~>").doesNotContain("{--").doesNotContain("{++");
    }

    @Test
    void textWithoutMarkupIsUnchanged() throws Exception {
        DocumentTemplate template = Pdfs.builtIn().find("INTERROGATION_RECORD").orElseThrow();
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .withQa(List.of(new QaEntry("经过？", "价值大约三百元 {~不是标记~}")));
        var doc = LayoutFiller.fill(template, data, Lang.ZH, "");
        assertThat(doc.getDocumentElement().getTextContent()).contains("价值大约三百元 {~不是标记~}");
    }
}
