// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.core.i18n.BundleConsistency.readsInBothLanguages;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/** The media module's texts come from its bundle; its failures and self-test results read in Chinese and English. */
class MediaMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(MediaMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                // the recording's own words: gap reasons written into the log and manifest, the overlay burned into
                // the picture, the event and segment-status vocabulary of the log and the audit trail
                .inlineChineseAllowedIn("org/tixun/core/recording/RecordingWords.java",
                        "org/tixun/core/recording/Compositor.java", "org/tixun/core/recording/RecordingEventKind.java",
                        "org/tixun/core/recording/SegmentStatus.java")
                .check();
    }

    @Test
    void aMicrophoneThatCannotBeOpenedSaysWhyInEachLanguage() {
        // No such capture device here: either the machine has no sound device at all, or none of this name.
        MediaDeviceException e = catchThrowableOfType(() -> new JavaSoundMicrophone("no such mixer 7f3a").open(),
                MediaDeviceException.class);
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).startsWith(e.message().key().equals("microphone.notFound") ? "未找到麦克风「no such"
                : "无法打开麦克风");
        assertThat(e.getMessage()).isEqualTo(e.message().bilingual());
    }

    @Test
    void aStreamThatIsNotMediaSaysSoInEachLanguage() {
        LocalizedIOException e = catchThrowableOfType(() -> MediaHello.read(new ByteArrayInputStream(
                "GET / HTTP/1.1\r\n".getBytes())), LocalizedIOException.class);
        assertThat(e.message(ZH)).isEqualTo("不是媒体连接");
        assertThat(e.message(EN)).isEqualTo("not a media connection preamble");
    }

    @Test
    void aSelfTestResultReadsInEachLanguage() throws Exception {
        DeviceSelfTest.Result r = DeviceSelfTest.camera(new SilentCamera(), Duration.ofMillis(50));
        assertThat(r.passed()).isFalse();
        readsInBothLanguages(r);
        assertThat(r.message(ZH)).isEqualTo("摄像头没有画面：silent");
        assertThat(r.message(EN)).isEqualTo("the camera delivered no pictures: silent");
        assertThat(r.sentence()).isEqualTo("摄像头没有画面：silent (the camera delivered no pictures: silent)");
        assertThat(MediaMessages.of("selfTest.camera.ok", 24.96).in(EN)).isEqualTo("camera OK: 25.0 frames per second");
        assertThat(MediaMessages.of("selfTest.microphone.silent", -61.2).in(ZH)).startsWith("麦克风没有收到声音（最高 -61 dBFS）");
    }

    /** A camera that is there but never delivers a picture (test double of the VideoSource API). */
    private static final class SilentCamera implements VideoSource {
        @Override
        public String name() {
            return "silent";
        }

        @Override
        public int frameRate() {
            return 25;
        }

        @Override
        public void start(Consumer<VideoFrame> consumer) {
        }

        @Override
        public void stop() {
        }

        @Override
        public byte[] photo() {
            throw new MediaDeviceException(MediaMessages.of("camera.noPicture"));
        }

        @Override
        public long framesDelivered() {
            return 0;
        }

        @Override
        public long framesLate() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
