// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While a record is typed its header is still incomplete (the end time is written at the freeze, the recorder may
 * not have completed every identity field): the live record shows it with blanks; only the final render insists.
 */
class LiveIncompleteHeaderTest {
    private final DefaultTemplateService service = new DefaultTemplateService(Pdfs.builtIn());

    @Test
    void theLiveRecordRendersAHeaderWithBlanksAndNoQuestionsYet() throws Exception {
        DocumentData partial = new DocumentData(Map.of("suspectName", "李建国", "caseNumber", "京检〔2026〕1号"), List.of());
        LivePage page = service.renderLive("INTERROGATION_RECORD", partial, Lang.ZH, -1, false);
        assertThat(page.pageCount()).isPositive();
        assertThat(Pdfs.squash(Pdfs.text(page.pdf()))).contains("李建国");
    }

    @Test
    void theFinalRenderNamesWhatIsMissing() {
        DocumentData partial = new DocumentData(Map.of("suspectName", "李建国"),
                List.of(new QaEntry("你叫什么名字？", "李建国。")));
        assertThatThrownBy(() -> service.render("INTERROGATION_RECORD", partial, Lang.ZH))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("Missing required fields")
                .hasMessageContaining("endTime").hasMessageContaining("place");
    }

    @Test
    void aMalformedValueIsRefusedEvenLive() {
        DocumentData bad = new DocumentData(Map.of("startTime", "yesterday"), List.of());
        assertThatThrownBy(() -> service.renderLive("INTERROGATION_RECORD", bad, Lang.ZH, -1, false))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("startTime");
    }
}
