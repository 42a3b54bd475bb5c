// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.tixun.core.i18n.sample.SampleMessages;
import org.tixun.core.i18n.sample.SampleMessages.Kind;

class MessageTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    /** A failure of the core: carries a message. */
    static final class SampleFailure extends RuntimeException implements Localized {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        SampleFailure(Message message) {
            super(message.bilingual());
            this.message = message;
        }

        @Override
        public Message message() {
            return message;
        }
    }

    @Test
    void resolvesAKeyInTheReadersLanguageChineseUnlessEnglish() {
        Message m = SampleMessages.of("sample.plain");
        assertThat(m.in(ZH)).isEqualTo("笔录已封存。");
        assertThat(m.in(EN)).isEqualTo("The record is sealed.");
        assertThat(m.in(Locale.US)).isEqualTo("The record is sealed.");
        assertThat(m.in(Locale.CHINESE)).isEqualTo("笔录已封存。");
        assertThat(m.in(Locale.TRADITIONAL_CHINESE)).isEqualTo("笔录已封存。");
        assertThat(m.in(Locale.FRENCH)).isEqualTo("笔录已封存。");
        assertThat(m.in(null)).isEqualTo("笔录已封存。");
        assertThat(m.chinese()).isEqualTo(m.in(ZH));
        assertThat(m.english()).isEqualTo(m.in(EN)).isEqualTo(m.toString());
    }

    @Test
    void formatsArgumentsAndKeepsDoubledApostrophes() {
        assertThat(SampleMessages.of("sample.args", 12345L, 3).in(EN)).isEqualTo("Record 12345 has 3 pages.");
        assertThat(SampleMessages.of("sample.args", 12345L, 3).in(ZH)).isEqualTo("笔录 12345 共 3 页。");
        assertThat(SampleMessages.of("sample.apostrophe", "张三").in(EN)).isEqualTo("The suspect's name is 张三.");
        assertThat(SampleMessages.of("sample.rate", 24.96).in(EN)).isEqualTo("25.0 frames per second");
        assertThat(SampleMessages.of("sample.apostrophe",
                (Object) null).in(EN)).isEqualTo("The suspect's name is null.");
    }

    @Test
    void resolvesNestedMessagesFailuresEnumsAndListsInTheSameLanguage() {
        Message inner = SampleMessages.of("sample.plain");
        Message outer = SampleMessages.of("sample.nested", new SampleFailure(inner));
        assertThat(outer.in(ZH)).isEqualTo("无法封存：笔录已封存。");
        assertThat(outer.in(EN)).isEqualTo("Cannot seal: The record is sealed.");
        assertThat(SampleMessages.of("sample.nested", inner).in(EN)).isEqualTo("Cannot seal: The record is sealed.");
        assertThat(SampleMessages.of("sample.nested", new IOException("disk full")).in(ZH)).isEqualTo("无法封存：disk full");
        assertThat(SampleMessages.of("sample.kind", Kind.CAMERA).in(ZH)).isEqualTo("摄像头已就绪。");
        assertThat(SampleMessages.of("sample.kind", Kind.MICROPHONE).in(EN)).isEqualTo("The microphone is ready.");
        assertThat(SampleMessages.of("sample.found", List.of("A", Kind.CAMERA)).in(ZH)).isEqualTo("发现：A、摄像头");
        assertThat(SampleMessages.of("sample.found", List.of("A", Kind.CAMERA)).in(EN)).isEqualTo("Found: A, camera");
        Bilingual suspect = new Bilingual() {
            @Override
            public String zh() {
                return "犯罪嫌疑人";
            }

            @Override
            public String en() {
                return "suspect";
            }
        };
        assertThat(SampleMessages.of("sample.kind", suspect).in(ZH)).isEqualTo("犯罪嫌疑人已就绪。");
        assertThat(SampleMessages.of("sample.kind", suspect).in(EN)).isEqualTo("The suspect is ready.");
    }

    @Test
    void bilingualIsChineseThenEnglishInParentheses() {
        assertThat(SampleMessages.of("sample.plain").bilingual()).isEqualTo("笔录已封存。 (The record is sealed.)");
        assertThat(Message.untranslated("/dev/video0").bilingual()).isEqualTo("/dev/video0");
        assertThat(new SampleFailure(SampleMessages.of("sample.plain")).getMessage())
                .isEqualTo("笔录已封存。 (The record is sealed.)");
    }

    @Test
    void anUntranslatedBilingualTextShowsTheHalfOfTheLanguage() {
        Message m = Message.untranslated("无法连接 IP 摄像头：连接超时 (cannot connect to the IP camera (rtsp): timed out)");
        assertThat(m.in(ZH)).isEqualTo("无法连接 IP 摄像头：连接超时");
        assertThat(m.in(EN)).isEqualTo("cannot connect to the IP camera (rtsp): timed out");
        assertThat(Message.untranslated("no answer (port busy)").in(ZH)).isEqualTo("no answer (port busy)");
        assertThat(Message.untranslated("设备不存在").in(EN)).isEqualTo("设备不存在");
        assertThat(Message.untranslated(null).in(EN)).isEmpty();
    }

    @Test
    void joinsPartsEachInTheLanguage() {
        Message m = Message.joined("\n", List.of(SampleMessages.of("sample.plain"), SampleMessages.of("sample.kind",
                Kind.CAMERA)));
        assertThat(m.in(ZH)).isEqualTo("笔录已封存。\n摄像头已就绪。");
        assertThat(m.in(EN)).isEqualTo("The record is sealed.\nThe camera is ready.");
    }

    @Test
    void aMissingKeyShowsTheKeyInsteadOfFailing() {
        assertThat(SampleMessages.of("sample.nope", 7).in(EN)).isEqualTo("sample.nope[7]");
    }

    @Test
    void describesAnyFailureThroughItsWrappers() {
        SampleFailure f = new SampleFailure(SampleMessages.of("sample.plain"));
        assertThat(Localized.describe(new ExecutionException(f), EN)).isEqualTo("The record is sealed.");
        assertThat(Localized.describe(new CompletionException(new ExecutionException(f)), ZH)).isEqualTo("笔录已封存。");
        assertThat(Localized.describe(new UncheckedIOException("copying", new IOException("disk full")), EN))
                .isEqualTo("copying");
        assertThat(Localized.describe(new IOException("磁盘已满 (disk full)"), EN)).isEqualTo("disk full");
        assertThat(Localized.describe(new NullPointerException(), ZH)).isEqualTo("NullPointerException");
        assertThat(f.message(EN)).isEqualTo("The record is sealed.");
    }

    @Test
    void messagesAreValues() {
        assertThat(SampleMessages.of("sample.args", 1, 2)).isEqualTo(SampleMessages.of("sample.args", 1, 2))
                .hasSameHashCodeAs(SampleMessages.of("sample.args", 1, 2))
                .isNotEqualTo(SampleMessages.of("sample.args", 1, 3));
        assertThat(SampleMessages.of("sample.args", 1, 2).args()).containsExactly(1, 2);
        assertThat(SampleMessages.of("sample.args", 1, 2).key()).isEqualTo("sample.args");
        assertThat(SampleMessages.BUNDLE.baseName()).isEqualTo("org.tixun.core.i18n.sample.messages");
    }

    @Test
    void theSampleBundleIsConsistent() {
        BundleConsistency.of(SampleMessages.BUNDLE.baseName()).sources(Path.of("src/test/java/org/tixun/core/i18n/sample"))
                .labels(Kind.class).check();
    }

    @Test
    void consistencyFindsEachKindOfMistake() {
        BundleConsistency bad = BundleConsistency.of("org.tixun.core.i18n.badsample.messages")
                .sources(Path.of("src/test/java/org/tixun/core/i18n/badsample"));
        assertThat(bad.problems()).containsExactlyInAnyOrder(
                "bad.onlyEnglish: missing from the Chinese file",
                "bad.apostrophe (en): a single quote must be written '' in a MessageFormat pattern",
                "bad.chinese (en): holds Chinese text",
                "bad.placeholders: placeholders differ: en [0, 1], zh_CN [0]",
                "bad.unused: no source uses it",
                "bad.missing: used in the sources but not in the bundle",
                "BadUse.java: Chinese text outside the bundle: \"无法打开摄像头 (cannot open the camera)\"");
        assertThatThrownBy(bad::check).isInstanceOf(AssertionError.class).hasMessageContaining("bad.unused");
    }

    @Test
    void readsStringLiteralsSkippingComments() {
        assertThat(BundleConsistency.stringLiterals("""
                // "in a comment"
                /* "in a block" */ String a = "one"; char q = '"'; String b = "two \\" quoted";
                """)).containsExactly("one", "two \\\" quoted");
    }
}
