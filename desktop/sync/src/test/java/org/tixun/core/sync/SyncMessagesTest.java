// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Message;
import org.tixun.core.sync.i18n.SyncMessages;

/** The sync module's texts come from its bundle; a clerk's problem reads in Chinese and English. */
class SyncMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @TempDir
    Path dir;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(SyncMessages.BUNDLE.baseName()).sources(Path.of("src/main/java")).check();
    }

    @Test
    void anAlteredSegmentIsAProblemWordedInBothLanguages() throws Exception {
        Path segment = Files.writeString(dir.resolve("seg-0001.mp4"), "changed");
        Delivery.Recording r = new Delivery.Recording("ab".repeat(32), 5, segment, 1, "seg-0001.mp4");
        DeliveryException e = catchThrowableOfType(() -> ContentCheck.requireSealed(r), DeliveryException.class);
        assertThat(e.problem()).isEqualTo(SyncProblem.RECORDING_MISMATCH);
        String[] halves = Message.splitBilingual(e.getMessage());
        assertThat(halves[0]).startsWith("录像文件与封存记录不一致：" + segment + " 封存 SHA-256 " + "ab".repeat(32)
                + "（5 字节），文件现为 ").endsWith("（7 字节）；未发送");
        assertThat(halves[1]).startsWith("recording file does not match the sealed record: " + segment)
                .endsWith(", 7 bytes; not sent");
    }

    @Test
    void problemsAndReasonsReadInEachLanguage() {
        assertThat(SyncProblem.RECORDING_MISSING.zh()).isEqualTo("录像文件缺失");
        assertThat(SyncProblem.RECORDING_MISSING.en()).isEqualTo("recording file missing");
        WaitReason refused = new WaitReason(WaitReason.Code.REFUSED, "hash mismatch", null,
                SyncMessages.of("reason.refusedHttp", 422, Message.untranslated("hash mismatch")));
        assertThat(refused.message().in(ZH)).isEqualTo("案件系统拒收（HTTP 422）：hash mismatch；处理后点「重试」");
        assertThat(refused.message().in(EN))
                .isEqualTo("refused by the case system (HTTP 422): hash mismatch; resolve it, then retry");
        assertThat(refused.text()).isEqualTo(refused.zh() + " (" + refused.en() + ")");
    }
}
