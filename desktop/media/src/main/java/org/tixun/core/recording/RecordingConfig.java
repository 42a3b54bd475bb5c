// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session is recorded.
 *
 * @param width composed picture width (even)
 * @param height composed picture height (even)
 * @param fps constant frame rate of the recording
 * @param segmentLength length after which a new segment starts (about 60 s in production)
 * @param preset libx264 preset ({@code ultrafast} or {@code veryfast})
 * @param crf libx264 constant rate factor
 * @param audioBitrate AAC bit rate, bits per second
 * @param audioLag how long the mixer waits for late audio before writing a stretch (silence where none came)
 * @param queueCapacity bounded queue between the media threads and the encoder thread
 */
public record RecordingConfig(int width, int height, int fps, Duration segmentLength, String preset, int crf,
        int audioBitrate, Duration audioLag, int queueCapacity) {
    /** Sample rate of the mixed recording audio (mono). */
    public static final int SAMPLE_RATE = 48_000;

    public RecordingConfig {
        Objects.requireNonNull(segmentLength, "segmentLength");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(audioLag, "audioLag");
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("width and height must be even and at least 16: " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
        if (SAMPLE_RATE % fps != 0) {
            throw new IllegalArgumentException("fps must divide 48000 (whole audio samples per frame): " + fps);
        }
        if (segmentLength.toMillis() < 1000) {
            throw new IllegalArgumentException("segments must be at least 1 s long: " + segmentLength);
        }
        if (queueCapacity < 4) {
            throw new IllegalArgumentException("queueCapacity must be at least 4");
        }
    }

    /** 1280×720, 25 fps, 60 s segments, {@code veryfast}. */
    public static RecordingConfig hd() {
        return new RecordingConfig(1280, 720, 25, Duration.ofSeconds(60), "veryfast", 26, 64_000,
                Duration.ofMillis(250), 256);
    }

    /** 640×480, 25 fps, 60 s segments, {@code veryfast}. */
    public static RecordingConfig sd() {
        return new RecordingConfig(640, 480, 25, Duration.ofSeconds(60), "veryfast", 26, 64_000,
                Duration.ofMillis(250), 256);
    }

    public RecordingConfig withSize(int w, int h) {
        return new RecordingConfig(w, h, fps, segmentLength, preset, crf, audioBitrate, audioLag, queueCapacity);
    }

    public RecordingConfig withSegmentLength(Duration d) {
        return new RecordingConfig(width, height, fps, d, preset, crf, audioBitrate, audioLag, queueCapacity);
    }

    public RecordingConfig withPreset(String p) {
        return new RecordingConfig(width, height, fps, segmentLength, p, crf, audioBitrate, audioLag, queueCapacity);
    }

    /** Microseconds per frame. */
    public long frameMicros() {
        return 1_000_000L / fps;
    }

    /** Frames per segment. */
    public long framesPerSegment() {
        return Math.max(1, segmentLength.toMillis() * fps / 1000);
    }
}
