// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The terminal's device check before a session: is the camera delivering pictures at its rate, and not black; does
 * the microphone hear anything above its noise floor. Each check returns a {@link Result} with a message (the reader's
 * language through {@link Result#message(java.util.Locale)}) and is logged in English. Run it before the sources are handed to a call: a source has one consumer at a time
 * and the check takes it over while it runs (and stops the source afterwards).
 */
public final class DeviceSelfTest {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelfTest.class);
    /** Share of the nominal frame rate a camera must reach. */
    public static final double MIN_RATE_SHARE = 0.8;
    /** Mean luma (0–255) above which a picture counts as not black. */
    public static final double BLACK_LUMA = 16;
    /** Loudest 20 ms RMS level (dBFS) a microphone must reach: above the noise floor of a live input. */
    public static final double MIN_LEVEL_DBFS = -55;

    private DeviceSelfTest() {
    }

    /**
     * One device's result.
     *
     * @param device which device ("camera ...", "microphone ...")
     * @param passed whether it works
     * @param message what to show
     * @param measured the measured figure (frames per second for a camera, loudest level in dBFS for a microphone)
     */
    public record Result(String device, boolean passed, Message message, double measured) implements Localized {
        /** What to show, 「中文 (English)」. */
        public String sentence() {
            return message.bilingual();
        }
    }

    /** Checks a camera for {@code duration} (at least 1 s is sensible). */
    public static Result camera(VideoSource source, Duration duration) throws InterruptedException {
        AtomicLong frames = new AtomicLong();
        double[] brightest = {0};
        try {
            source.start(f -> {
                frames.incrementAndGet();
                double l = meanLuma(f.image());
                synchronized (brightest) {
                    brightest[0] = Math.max(brightest[0], l);
                }
            });
        } catch (MediaDeviceException e) {
            return log(new Result("camera " + source.name(), false, e.message(), 0));
        }
        long t0 = System.nanoTime();
        Thread.sleep(duration.toMillis());
        source.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double fps = frames.get() / seconds;
        double luma;
        synchronized (brightest) {
            luma = brightest[0];
        }
        String name = "camera " + source.name();
        if (frames.get() == 0) {
            return log(new Result(name, false, MediaMessages.of("selfTest.camera.noPictures", source.name()), 0));
        }
        if (fps < source.frameRate() * MIN_RATE_SHARE) {
            return log(new Result(name, false, MediaMessages.of("selfTest.camera.slow", fps, source.frameRate()),
                    fps));
        }
        if (luma < BLACK_LUMA) {
            return log(new Result(name, false, MediaMessages.of("selfTest.camera.black"), fps));
        }
        return log(new Result(name, true, MediaMessages.of("selfTest.camera.ok", fps), fps));
    }

    /** Checks a microphone (or the tone source) for {@code duration}; the loudest 20 ms must exceed the floor. */
    public static Result microphone(AudioSource source, Duration duration) throws InterruptedException {
        double[] loudest = {-120};
        AtomicLong chunks = new AtomicLong();
        try {
            source.start(c -> {
                chunks.incrementAndGet();
                double db = rmsDbfs(c.samples());
                synchronized (loudest) {
                    loudest[0] = Math.max(loudest[0], db);
                }
            });
        } catch (MediaDeviceException e) {
            return log(new Result("microphone " + source.name(), false, e.message(), -120));
        }
        Thread.sleep(duration.toMillis());
        source.stop();
        double level;
        synchronized (loudest) {
            level = loudest[0];
        }
        String name = "microphone " + source.name();
        if (chunks.get() == 0) {
            return log(new Result(name, false, MediaMessages.of("selfTest.microphone.noAudio"), level));
        }
        if (level < MIN_LEVEL_DBFS) {
            return log(new Result(name, false, MediaMessages.of("selfTest.microphone.silent", level), level));
        }
        return log(new Result(name, true, MediaMessages.of("selfTest.microphone.ok", level), level));
    }

    private static Result log(Result r) {
        if (r.passed()) {
            LOG.info("self-test {}: {}", r.device(), r.message().english());
        } else {
            LOG.warn("self-test {}: {}", r.device(), r.message().english());
        }
        return r;
    }

    /** Mean luma of a BGR picture, sampled on a grid. */
    static double meanLuma(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return 0;
        }
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        long sum = 0;
        int n = 0;
        for (int i = 0; i + 2 < px.length; i += 3 * 97) {
            sum += (29 * (px[i] & 0xff) + 150 * (px[i + 1] & 0xff) + 77 * (px[i + 2] & 0xff)) >> 8;
            n++;
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    /** RMS level of samples in dB relative to full scale (-120 for silence). */
    public static double rmsDbfs(short[] s) {
        if (s.length == 0) {
            return -120;
        }
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        double rms = Math.sqrt(sum / s.length) / 32768.0;
        return rms <= 1e-6 ? -120 : Math.max(-120, 20 * Math.log10(rms));
    }
}
