// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.VideoFrame;

/**
 * A synthetic camera and microphone for the demo, tests and the benchmark: colour bars with a moving block and a
 * frame counter, a 20 ms audio chunk stream with a 100 ms beep each second (440 Hz local, 660 Hz remote). Runs on its
 * own thread at the given frame rate, feeding both directions (or one) into a sink.
 */
public final class TestPattern implements AutoCloseable {
    private final MediaSink sink;
    private final int width;
    private final int height;
    private final int fps;
    private final Clock clock;
    private final boolean remote;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean remoteMuted;

    private TestPattern(MediaSink sink, int width, int height, int fps, boolean remote, Clock clock) {
        this.sink = sink;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.clock = clock;
        this.remote = remote;
        this.thread = new Thread(this::run, "tixun-test-pattern");
        this.thread.setDaemon(true);
    }

    /** Starts feeding {@code sink}: LOCAL always, REMOTE when {@code remote}. */
    public static TestPattern start(MediaSink sink, int width, int height, int fps, boolean remote, Clock clock) {
        TestPattern p = new TestPattern(sink, width, height, fps, remote, clock);
        p.thread.start();
        return p;
    }

    /** Stops the remote direction (simulates a lost link) or starts it again. */
    public void remoteSilent(boolean silent) {
        remoteMuted = silent;
    }

    /** One picture of the pattern. */
    public static BufferedImage picture(int width, int height, long n, boolean remote) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
        int bw = (width + bars.length - 1) / bars.length;
        for (int i = 0; i < bars.length; i++) {
            g.setColor(remote ? bars[i].darker() : bars[i]);
            g.fillRect(i * bw, 0, bw, height * 2 / 3);
        }
        g.setColor(new Color(30, 30, 30));
        g.fillRect(0, height * 2 / 3, width, height - height * 2 / 3);
        int x = (int) (n * 8 % Math.max(1, width - height / 6));
        g.setColor(remote ? Color.ORANGE : Color.WHITE);
        g.fillRect(x, height * 2 / 3 + height / 24, height / 6, height / 6);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 14)));
        g.drawString((remote ? "REMOTE " : "LOCAL ") + n, width / 20, height - height / 20);
        g.dispose();
        return img;
    }

    private void run() {
        long frameNanos = 1_000_000_000L / fps;
        long start = System.nanoTime();
        long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        long n = 0;
        int chunk = 960;
        long audioSent = 0;
        BufferedImage[] local = new BufferedImage[fps];
        BufferedImage[] far = new BufferedImage[fps];
        for (int i = 0; i < fps; i++) {
            local[i] = picture(width, height, i, false);
            far[i] = picture(width, height, i, true);
        }
        while (running.get()) {
            long t = startMicros + n * frameNanos / 1000;
            // Pictures cycle through a one-second set: drawing a fresh one per frame would dominate the benchmark.
            sink.video(Direction.LOCAL, new VideoFrame(local[(int) (n % fps)], t, n));
            if (remote && !remoteMuted) {
                sink.video(Direction.REMOTE, new VideoFrame(far[(int) (n % fps)], t, n));
            }
            long audioDue = (n + 1) * 48_000L / fps;
            while (audioSent < audioDue) {
                long at = startMicros + audioSent * 1_000_000L / 48_000;
                sink.audio(Direction.LOCAL, new AudioChunk(tone(audioSent, chunk, 440), 48_000, 1, at));
                if (remote && !remoteMuted) {
                    sink.audio(Direction.REMOTE, new AudioChunk(tone(audioSent, chunk, 660), 48_000, 1, at));
                }
                audioSent += chunk;
            }
            n++;
            long sleep = start + n * frameNanos - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A 100 ms beep at the start of each second, silence otherwise. */
    static short[] tone(long first, int count, double hz) {
        short[] s = new short[count];
        for (int i = 0; i < count; i++) {
            long k = first + i;
            if (k % 48_000 < 4_800) {
                s[i] = (short) (6000 * Math.sin(2 * Math.PI * hz * k / 48_000));
            }
        }
        return s;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
