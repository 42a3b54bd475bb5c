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

    /** Where PDFBox finds {@code needle} on the pages: page index and the baseline's y from the page bottom. */
    private static List<float[]> find(byte[] pdf, String needle) throws Exception {
        List<float[]> hits = new java.util.ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                int page = i;
                float height = doc.getPage(i).getMediaBox().getHeight();
                var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                        int at = text.indexOf(needle);
                        if (at >= 0) {
                            hits.add(new float[] {page, height - positions.get(at).getYDirAdj()});
                        }
                    }
                };
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                stripper.getText(doc);
            }
        }
        return hits;
    }

    @Test
    void everyCorrectionGetsItsFingerprintBoxInTheMarginBesideIt() throws Exception {
        List<QaEntry> qa = new java.util.ArrayList<>(ExampleData.forKind("INTERROGATION_RECORD").orElseThrow().qa());
        qa.add(new QaEntry("经过？", TEXT));
        qa.add(new QaEntry("还有补充吗？", "没有了，我说的都是{~~事时~>事实~~}。"));
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow().withQa(qa);
        RenderResult r = new DefaultTemplateService(Pdfs.builtIn()).render("INTERROGATION_RECORD", data, Lang.ZH);
        List<SlotPosition> beside = r.slots().stream()
                .filter(p -> p.placement() == SlotPlacement.BESIDE_CORRECTIONS).toList();
        // three corrections in TEXT (substitution, deletion, insertion) and one in the last answer
        assertThat(beside).hasSize(4).allSatisfy(p -> {
            assertThat(p.slotId()).isEqualTo("suspect-correction");
            assertThat(p.fingerprint()).isTrue();
            boolean right = p.x() > 595 - 20 * 72 / 25.4f && p.x() + p.width() <= 595;
            boolean left = p.x() >= 0 && p.x() + p.width() < 24 * 72 / 25.4f;
            assertThat(right || left).as("in the right (20 mm) or left (24 mm) margin: %s", p).isTrue();
        });
        // The last correction's box lies at the height of the line that holds it.
        float[] fact = find(r.pdf(), "事实").get(0);
        SlotPosition last = beside.get(beside.size() - 1);
        assertThat(last.pageIndex()).isEqualTo((int) fact[0]);
        assertThat(fact[1]).isBetween(last.y() - 6, last.y() + last.height() + 6);
        // Boxes never overlap.
        for (SlotPosition a : beside) {
            for (SlotPosition b : beside) {
                if (a != b && a.pageIndex() == b.pageIndex()) {
                    boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                    assertThat(apart).as("%s and %s", a, b).isTrue();
                }
            }
        }
    }

    @Test
    void aRecordWithoutCorrectionsHasNoBoxBesideCorrections() throws Exception {
        RenderResult r = Pdfs.example("INTERROGATION_RECORD", Lang.ZH);
        assertThat(r.slots()).noneMatch(p -> p.placement() == SlotPlacement.BESIDE_CORRECTIONS);
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
