// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Plays one segment's pictures on a background thread at their own pace (video only): each decoded picture is handed
 * to {@code onPicture} with its time in microseconds from the segment start. For a UI: play, pause, seek, close.
 */
public final class SegmentPlayer implements AutoCloseable {
    private final Path file;
    private final BiConsumer<BufferedImage, Long> onPicture;
    private final Consumer<Throwable> onError;
    private final Thread thread;
    private volatile boolean playing;
    private volatile boolean closed;
    private volatile long seekTo = -1;
    private volatile long durationMicros;
    private final Object lock = new Object();

    public SegmentPlayer(Path file, BiConsumer<BufferedImage, Long> onPicture, Consumer<Throwable> onError) {
        this.file = file;
        this.onPicture = onPicture;
        this.onError = onError;
        this.thread = new Thread(this::run, "tixun-recording-player");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void play() {
        synchronized (lock) {
            playing = true;
            lock.notifyAll();
        }
    }

    public void pause() {
        playing = false;
    }

    public boolean playing() {
        return playing;
    }

    /** Shows the picture at {@code micros} (and goes on from there when playing). */
    public void seek(long micros) {
        synchronized (lock) {
            seekTo = Math.max(0, micros);
            lock.notifyAll();
        }
    }

    /** Segment length in microseconds once the file is open, else 0. */
    public long durationMicros() {
        return durationMicros;
    }

    private void run() {
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setOption("threads", "1");
            g.startUnsafe();
            durationMicros = g.getLengthInTime();
            long startNanos = 0;
            long startMicros = 0;
            boolean showOne = true;
            while (!closed) {
                long seek = seekTo;
                if (seek >= 0) {
                    seekTo = -1;
                    g.setVideoTimestamp(seek);
                    showOne = true;
                }
                if (!playing && !showOne) {
                    synchronized (lock) {
                        while (!playing && seekTo < 0 && !closed) {
                            lock.wait();
                        }
                    }
                    startNanos = 0;
                    continue;
                }
                Frame f = g.grabImage();
                if (f == null) {
                    playing = false;
                    showOne = false;
                    continue;
                }
                long t = f.timestamp;
                if (startNanos == 0) {
                    startNanos = System.nanoTime();
                    startMicros = t;
                }
                long wait = (t - startMicros) * 1000 - (System.nanoTime() - startNanos);
                if (playing && !showOne && wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                BufferedImage copy = Java2DFrameConverter.cloneBufferedImage(converter.convert(f));
                onPicture.accept(copy, t);
                if (showOne) {
                    showOne = false;
                    startNanos = 0;
                }
            }
            g.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            onError.accept(e);
        } finally {
            converter.close();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
