// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tixun.app.i18n.I18n;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.i18n.SessionMessages;

/** The terminal shows a core message and a text from the workstation in the suspect's language only. */
class LocalTextTest {
    @Test
    void aCoreMessageReadsInTheScreensLanguage() {
        LocalText t = LocalText.of(SessionMessages.of("terminalFlow.journalUnreadable",
                new java.io.IOException("disk")));
        String zh = t.resolve(new I18n(I18n.CHINESE));
        String en = t.resolve(new I18n(I18n.ENGLISH));
        assertThat(zh).isNotEqualTo(en).doesNotContain(en);
        assertThat(en.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as(en).isTrue();
    }

    @Test
    void aBilingualTextFromTheWorkstationShowsOneHalf() {
        LocalText t = LocalText.raw(Message.untranslated("笔录已修改，请重新阅读 (the record was changed; read it again)")
                .bilingual());
        assertThat(t.resolve(new I18n(I18n.CHINESE))).isEqualTo("笔录已修改，请重新阅读");
        assertThat(t.resolve(new I18n(I18n.ENGLISH))).isEqualTo("the record was changed; read it again");
    }
}
