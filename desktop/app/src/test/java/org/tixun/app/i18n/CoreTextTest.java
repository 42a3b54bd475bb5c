// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tixun.core.pki.WrongPassphraseException;
import org.tixun.core.session.LinkRefusedException;
import org.tixun.core.session.SessionRole;
import org.tixun.core.session.i18n.SessionMessages;

class CoreTextTest {
    @Test
    void keepsTheHalfOfEachPairInTheReadersLanguage() {
        String m = "签名事件 e1 未被采用 (signature event not accepted): 未绑定当前冻结内容的摘要 (not bound to the frozen"
                + " content hash)";
        assertThat(CoreText.localize(I18n.CHINESE, m)).isEqualTo("签名事件 e1 未被采用: 未绑定当前冻结内容的摘要");
        assertThat(CoreText.localize(I18n.ENGLISH, m))
                .isEqualTo("signature event not accepted: not bound to the frozen content hash");
        assertThat(CoreText.localize(I18n.CHINESE, "笔录已签章归档 (the record is sealed and filed)"))
                .isEqualTo("笔录已签章归档");
        assertThat(CoreText.localize(I18n.ENGLISH, "已连接 终端 2 (connected to 终端 2)"))
                .isEqualTo("connected to 终端 2");
    }

    @Test
    void leavesSingleLanguageMessagesAlone() {
        assertThat(CoreText.localize(I18n.ENGLISH, "connection refused")).isEqualTo("connection refused");
        assertThat(CoreText.localize(I18n.CHINESE, "案件编号 (2026) 88 号")).isEqualTo("案件编号 (2026) 88 号");
    }

    @Test
    void aFailureWithAMessageIsShownInTheReadersLanguage() {
        I18n i18n = new I18n(I18n.CHINESE);
        Exception refused = new RuntimeException(new LinkRefusedException(
                SessionMessages.of("tls.revoked", SessionRole.TERMINAL, "1f")));
        assertThat(CoreText.describe(i18n, refused)).isEqualTo("终端证书已被吊销，拒绝连接（序列号 1f）");
        i18n.toggle();
        assertThat(CoreText.describe(i18n, new java.io.UncheckedIOException(new LinkRefusedException(
                SessionMessages.of("tls.revoked", SessionRole.TERMINAL, "1f")))))
                .isEqualTo("the terminal certificate is revoked: serial 1f");
    }

    @Test
    void aWholePairWithFullWidthBracketsKeepsOneHalf() {
        String detail = "等待重试（第 2 次尝试失败：connection refused）；下次尝试 - (waiting to retry (attempt 2 failed:"
                + " connection refused); next attempt -)";
        assertThat(CoreText.localize(I18n.CHINESE, detail)).isEqualTo("等待重试（第 2 次尝试失败：connection refused）；下次尝试 -");
        assertThat(CoreText.localize(I18n.ENGLISH, detail))
                .isEqualTo("waiting to retry (attempt 2 failed: connection refused); next attempt -");
    }

    @Test
    void aWrongPassphraseIsSaidPlainlyWithoutThePath() {
        I18n i18n = new I18n(I18n.CHINESE);
        IOException wrong = new WrongPassphraseException("/secret/path/institution.p12", new IOException("mac"));
        assertThat(CoreText.describe(i18n, new RuntimeException(wrong))).isEqualTo("口令不正确，请重新输入。");
        i18n.toggle();
        assertThat(CoreText.describe(i18n, wrong)).isEqualTo("Wrong passphrase; type it again.")
                .doesNotContain("/secret");
    }
}
