// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LongRecordTest {

    @Test
    void sixtyPageRecordCarriesTheSuspectSlotOnEveryPageAndStaysPdfA() throws Exception {
        DocumentData data = ExampleData.longInterrogationRecord(640);
        RenderResult result = new DocumentRenderer().render(Pdfs.builtIn().require("INTERROGATION_RECORD"), data, Lang.ZH);

        assertThat(result.pageCount()).isGreaterThanOrEqualTo(60);
        int last = result.pageCount() - 1;
        List<Integer> suspectPages = result.slots().stream()
                .filter(s -> s.slotId().equals("suspect-page")).map(SlotPosition::pageIndex).toList();
        assertThat(suspectPages).isEqualTo(IntStream.rangeClosed(0, last).boxed().toList());
        assertThat(result.slotsOnPage(last)).extracting(SlotPosition::slotId)
                .contains("suspect-confirmation", "interrogator-1", "interrogator-2", "recorder");
        assertThat(result.slotsOnPage(last / 2)).extracting(SlotPosition::slotId).containsExactly("suspect-page");

        String text = Pdfs.squash(Pdfs.text(result.pdf()));
        assertThat(text).contains("第" + result.pageCount() + "页共" + result.pageCount() + "页");
        assertThat(text).contains(Pdfs.squash(data.qa().get(639).a()));
        assertThat(PdfA.failures(result.pdf())).isEmpty();
    }
}
