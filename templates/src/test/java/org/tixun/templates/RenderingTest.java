// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenderingTest {

    static Stream<Arguments> kindsAndLanguages() {
        return Stream.of(BuiltInTemplatesTest.KINDS)
                .flatMap(kind -> Stream.of(Arguments.of(kind, Lang.ZH), Arguments.of(kind, Lang.EN)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLanguages")
    void rendersPdfA3bThatVeraPdfAccepts(String kind, Lang lang) throws Exception {
        RenderResult result = Pdfs.example(kind, lang);
        assertThat(result.pageCount()).isPositive();
        assertThat(PdfA.failures(result.pdf())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLanguages")
    void extractedTextContainsTitleEveryFilledValueAndEveryQuestionAndAnswer(String kind, Lang lang) throws Exception {
        DocumentTemplate template = Pdfs.builtIn().find(kind).orElseThrow();
        DocumentData data = ExampleData.forKind(kind).orElseThrow();
        String text = Pdfs.squash(Pdfs.text(Pdfs.example(kind, lang).pdf()));

        assertThat(text).contains(Pdfs.squash(template.title(lang)));
        for (FieldSpec field : template.fields()) {
            Object value = data.value(field.name());
            // Boolean fields choose wording (data-if) rather than print Yes/No.
            if (!ValueFormatter.isBlank(value) && field.type() != FieldType.BOOLEAN) {
                assertThat(text).as("field %s", field.name()).contains(Pdfs.squash(ValueFormatter.format(field, value, lang)));
            }
        }
        for (QaEntry entry : data.qa()) {
            assertThat(text).contains(Pdfs.squash(entry.q()), Pdfs.squash(entry.a()));
        }
        int pages = Pdfs.example(kind, lang).pageCount();
        assertThat(text).contains(lang == Lang.ZH ? "第" + pages + "页共" + pages + "页" : "Page" + pages + "of" + pages);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLanguages")
    void embedsOnlyTheShippedFontWithUnicodeMaps(String kind, Lang lang) throws Exception {
        byte[] pdf = Pdfs.example(kind, lang).pdf();
        assertThat(Pdfs.fontProblems(pdf)).isEmpty();
        assertThat(Pdfs.fontNames(pdf)).singleElement().asString().matches("[A-Z]{6}\\+NotoSerifSC-Regular");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLanguages")
    void exportsEverySlotOnThePagesItsPlacementNames(String kind, Lang lang) throws Exception {
        TemplateManifest manifest = Pdfs.builtIn().find(kind).orElseThrow().manifest();
        DocumentData data = ExampleData.forKind(kind).orElseThrow();
        RenderResult result = Pdfs.example(kind, lang);
        int last = result.pageCount() - 1;
        for (SignatureSlot slot : manifest.slots()) {
            List<Integer> pages = result.slots().stream().filter(p -> p.slotId().equals(slot.id())).map(SlotPosition::pageIndex).toList();
            boolean present = slot.condition() == null || !ValueFormatter.isBlank(data.value(slot.condition()));
            if (slot.placement() == SlotPlacement.BESIDE_CORRECTIONS || !present) {
                assertThat(pages).as(slot.id()).isEmpty();
            } else if (slot.placement() == SlotPlacement.EVERY_PAGE) {
                assertThat(pages).as(slot.id()).isEqualTo(IntStream.rangeClosed(0, last).boxed().toList());
            } else {
                assertThat(pages).as(slot.id()).containsExactly(last);
            }
        }
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            for (SlotPosition p : result.slots()) {
                var box = doc.getPage(p.pageIndex()).getMediaBox();
                assertThat(p.x()).isGreaterThanOrEqualTo(0);
                assertThat(p.y()).isGreaterThanOrEqualTo(0);
                assertThat(p.x() + p.width()).isLessThanOrEqualTo(box.getWidth());
                assertThat(p.y() + p.height()).isLessThanOrEqualTo(box.getHeight());
            }
        }
    }
}
