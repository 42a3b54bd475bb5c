// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a media file completely with FFmpeg: how many pictures and audio samples it holds and how long it lasts. */
public final class MediaProbe {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private MediaProbe() {
    }

    /**
     * What decoding found.
     *
     * @param videoFrames decoded pictures
     * @param audioSamples decoded audio samples (per channel)
     * @param firstMicros timestamp of the first picture
     * @param lastMicros timestamp of the last picture
     * @param durationMicros last picture timestamp - first + one frame interval (0 without pictures)
     * @param error why decoding stopped early, or null
     */
    public record Result(long videoFrames, long audioSamples, long firstMicros, long lastMicros, long durationMicros,
            String error) {
        public boolean decodes() {
            return videoFrames > 0 && error == null;
        }
    }

    /** Decodes the whole file. Never throws for bad content: a file that does not open has 0 frames and an error. */
    public static Result decode(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Result(0, 0, 0, 0, 0, "missing");
        }
        long frames = 0;
        long samples = 0;
        long first = -1;
        long last = 0;
        double rate = 25;
        String error = null;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setOption("threads", "1");
            g.setSampleMode(FrameGrabber.SampleMode.SHORT);
            g.startUnsafe();
            rate = g.getFrameRate() > 0 ? g.getFrameRate() : 25;
            while (true) {
                Frame f = g.grabFrame(true, true, true, false, false);
                if (f == null) {
                    break;
                }
                if (f.image != null) {
                    frames++;
                    if (first < 0) {
                        first = f.timestamp;
                    }
                    last = f.timestamp;
                } else if (f.samples != null && f.samples.length > 0 && f.samples[0] != null) {
                    samples += f.samples[0].limit() / Math.max(1, f.audioChannels);
                }
            }
            g.stop();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        long duration = frames == 0 ? 0 : last - first + Math.round(1_000_000 / rate);
        return new Result(frames, samples, Math.max(first, 0), last, duration, error);
    }
}
