// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes one direction of a call — H.264 (libx264 ultrafast, zerolatency, no B-frames, GOP ~2 s, yuv420p) and AAC
 * 48 kHz mono — into a NUT stream written to an {@link OutputStream} (the media socket), after a 16-byte
 * {@link AvStreamHeader}. Capture threads call {@link #video} and {@link #audio}, which never block: items go to a
 * bounded queue; when it is full the oldest item is dropped and counted. The encoder runs on its own thread.
 *
 * <p>{@link #setPrivateMute(boolean) Private mute} replaces the audio sent with silence from the moment it is set
 * (by capture time) until it is cleared; listeners get the interval. The caller's own sinks are not affected.
 */
public final class AvSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvSender.class);
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final OutputStream out;
    private final AvSettings settings;
    private final LinkedBlockingDeque<Object> queue;
    private final List<MuteListener> muteListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong videoQueued = new AtomicLong();
    private final AtomicLong videoSent = new AtomicLong();
    private final AtomicLong videoDropped = new AtomicLong();
    private final AtomicLong audioSent = new AtomicLong();
    private final AtomicLong audioDropped = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Object muteLock = new Object();
    private volatile Consumer<Throwable> failureListener = t -> { };
    private final AtomicLong videoBeforeReady = new AtomicLong();
    private volatile boolean running;
    private volatile boolean ready;
    private volatile Thread thread;
    private volatile long finalCpuNanos = -1;
    private boolean muted;
    private Instant muteStart;

    /**
     * A sender writing to {@code out} (not closed by the sender; the connection owns it).
     *
     * @param out the stream, e.g. the media socket's output (writes go straight through, one per packet)
     * @param settings size and rates; frames of another size are refused
     */
    public AvSender(OutputStream out, AvSettings settings) {
        this.out = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                super.out.write(b, off, len);
                bytes.addAndGet(len);
            }
        };
        this.settings = settings;
        this.queue = new LinkedBlockingDeque<>(settings.queueCapacity());
    }

    /** Called once when the encoder fails or its stream breaks (not when closed on purpose); on the encoder thread. */
    public void setFailureListener(Consumer<Throwable> listener) {
        this.failureListener = listener == null ? t -> { } : listener;
    }

    /** Adds a listener for private mute intervals. */
    public void addMuteListener(MuteListener listener) {
        muteListeners.add(listener);
    }

    /** Starts the encoder thread (writes the header and the NUT header first). */
    public synchronized void start() {
        if (running || thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Thread t = new Thread(this::encodeLoop, "tixun-av-encoder");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Queues a picture; never blocks. Pictures of another size than the settings' are scaled (on the encoder thread;
     * a camera that does not offer the configured size still works). Until the encoder is
     * {@link #isReady() ready} pictures are not queued (counted as {@code videoBeforeReady}, not as dropped).
     */
    public void video(VideoFrame frame) {
        if (!ready) {
            videoBeforeReady.incrementAndGet();
            return;
        }
        videoQueued.incrementAndGet();
        enqueue(frame);
    }

    /** Queues audio (replaced by silence while privately muted); never blocks; ignored until ready. */
    public void audio(AudioChunk chunk) {
        if (!ready) {
            return;
        }
        boolean silence;
        synchronized (muteLock) {
            silence = muted;
        }
        enqueue(silence ? new AudioChunk(new short[chunk.samples().length], chunk.sampleRate(), chunk.channels(),
                chunk.captureEpochMicros()) : chunk);
    }

    private void enqueue(Object item) {
        while (!queue.offerLast(item)) {
            Object old = queue.pollFirst();
            if (old instanceof VideoFrame) {
                videoDropped.incrementAndGet();
            } else if (old instanceof AudioChunk) {
                audioDropped.incrementAndGet();
            }
        }
    }

    /**
     * Private mute (prosecutor side): while on, the peer receives silence instead of this side's audio; the peer
     * neither hears nor records it. Listeners are told the start and, when cleared, the whole interval.
     */
    public void setPrivateMute(boolean on) {
        Instant now = Instant.now();
        MuteInterval ended = null;
        boolean started = false;
        synchronized (muteLock) {
            if (on == muted) {
                return;
            }
            muted = on;
            if (on) {
                muteStart = now;
                started = true;
            } else {
                ended = new MuteInterval(muteStart, now);
                muteStart = null;
            }
        }
        LOG.info(on ? "private mute on at {}" : "private mute off: {}", on ? now : ended);
        for (MuteListener l : muteListeners) {
            try {
                if (started) {
                    l.muteStarted(now);
                } else {
                    l.muteEnded(ended);
                }
            } catch (RuntimeException e) {
                LOG.error("mute listener failed", e);
            }
        }
    }

    /** Whether the private mute is on. */
    public boolean isPrivateMute() {
        synchronized (muteLock) {
            return muted;
        }
    }

    private void encodeLoop() {
        Throwable failure = null;
        FFmpegFrameRecorder rec = null;
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            long base = MediaClock.nowMicros();
            new AvStreamHeader(base).write(out);
            rec = new FFmpegFrameRecorder(out, settings.width(), settings.height(), 1);
            configure(rec, settings);
            rec.setCloseOutputStream(false);
            rec.startUnsafe();
            ShortBuffer pcm = ByteBuffer.allocateDirect(AudioSource.SAMPLE_RATE * 2 * 2)
                    .order(ByteOrder.nativeOrder()).asShortBuffer();
            long prerollSamples = AvStreamHeader.PREROLL_MICROS * AudioSource.SAMPLE_RATE / 1_000_000;
            long samples = writeSilence(rec, pcm, prerollSamples);
            long lastFrameNumber = -1;
            ready = true;
            while (running) {
                Object item = queue.pollFirst(100, TimeUnit.MILLISECONDS);
                if (item instanceof VideoFrame f) {
                    long pts = AvStreamHeader.PREROLL_MICROS + f.captureEpochMicros() - base;
                    long n = Math.max(lastFrameNumber + 1, Math.round(pts * settings.frameRate() / 1e6));
                    rec.setFrameNumber((int) n);
                    lastFrameNumber = n;
                    Frame frame = converter.convert(fit(f.image()));
                    rec.record(frame, avutil.AV_PIX_FMT_BGR24);
                    videoSent.incrementAndGet();
                } else if (item instanceof AudioChunk c) {
                    // Keep the audio time line on the capture clock: fill a gap (e.g. a dropped chunk) with silence.
                    long expected = base - AvStreamHeader.PREROLL_MICROS
                            + samples * 1_000_000L / AudioSource.SAMPLE_RATE;
                    long gap = c.captureEpochMicros() - expected;
                    if (gap > 30_000) {
                        samples += writeSilence(rec, pcm, Math.min(gap, 2_000_000L) * AudioSource.SAMPLE_RATE
                                / 1_000_000);
                    }
                    samples += writeSamples(rec, pcm, c.samples(), c.channels());
                    audioSent.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            failure = e;
        } finally {
            finalCpuNanos = MX.getCurrentThreadCpuTime();
            if (rec != null) {
                try {
                    rec.close();
                } catch (Exception e) {
                    if (failure == null && running) {
                        failure = e;
                    } else {
                        LOG.debug("encoder close", e);
                    }
                }
            }
            boolean wasRunning = running;
            running = false;
            ready = false;
            if (failure != null && wasRunning) {
                LOG.warn("media sender failed: {}", failure.toString());
                try {
                    failureListener.accept(failure);
                } catch (RuntimeException e) {
                    LOG.error("failure listener", e);
                }
            }
        }
    }

    private BufferedImage fit(BufferedImage img) {
        if (img.getWidth() == settings.width() && img.getHeight() == settings.height()
                && img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage scaled = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, settings.width(), settings.height(), null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static long writeSilence(FFmpegFrameRecorder rec, ShortBuffer pcm, long count) throws Exception {
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, pcm.capacity());
            pcm.clear();
            for (int i = 0; i < n; i++) {
                pcm.put((short) 0);
            }
            pcm.flip();
            rec.recordSamples(AudioSource.SAMPLE_RATE, 1, pcm);
            left -= n;
        }
        return count;
    }

    private static long writeSamples(FFmpegFrameRecorder rec, ShortBuffer pcm, short[] s, int channels)
            throws Exception {
        pcm.clear();
        int frames = s.length / channels;
        if (channels == 1) {
            pcm.put(s, 0, Math.min(s.length, pcm.capacity()));
        } else {
            for (int i = 0; i < frames && i < pcm.capacity(); i++) {
                pcm.put(s[i * channels]);
            }
        }
        pcm.flip();
        rec.recordSamples(AudioSource.SAMPLE_RATE, 1, pcm);
        return pcm.limit();
    }

    /** Applies Tixun's live settings (VIDEO-NOTES.md) to a recorder writing NUT. */
    static void configure(FFmpegFrameRecorder rec, AvSettings s) {
        rec.setFormat("nut");
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setVideoCodecName("libx264");
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setFrameRate(s.frameRate());
        rec.setGopSize(s.gopFrames());
        rec.setMaxBFrames(0);
        rec.setVideoBitrate(s.videoBitrate());
        rec.setVideoOption("preset", "ultrafast");
        rec.setVideoOption("tune", "zerolatency");
        rec.setVideoOption("threads", "1");
        rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        rec.setSampleRate(AudioSource.SAMPLE_RATE);
        rec.setAudioChannels(1);
        rec.setAudioBitrate(s.audioBitrate());
        rec.setInterleaved(false);
        rec.setOption("flush_packets", "1");
        Ffmpeg.quiet();
    }

    /** Counters of this sender. */
    public Stats stats() {
        Thread t = thread;
        long cpu = finalCpuNanos;
        if (cpu < 0 && t != null) {
            cpu = Math.max(0, MX.getThreadCpuTime(t.getId()));
        }
        return new Stats(videoBeforeReady.get(), videoQueued.get(), videoSent.get(), videoDropped.get(),
                audioSent.get(), audioDropped.get(), bytes.get(), Math.max(cpu, 0));
    }

    /**
     * Sender counters.
     *
     * @param videoBeforeReady pictures offered before the encoder was ready (not sent, not counted as dropped)
     * @param videoQueued pictures queued for the encoder
     * @param videoSent pictures encoded and written
     * @param videoDropped pictures dropped because the queue was full
     * @param audioSent audio chunks encoded
     * @param audioDropped audio chunks dropped because the queue was full
     * @param bytes bytes written (header and NUT)
     * @param encoderCpuNanos CPU time of the encoder thread
     */
    public record Stats(long videoBeforeReady, long videoQueued, long videoSent, long videoDropped, long audioSent, long audioDropped,
            long bytes, long encoderCpuNanos) {
    }

    /** Whether the encoder has written its headers and takes pictures and audio. */
    public boolean isReady() {
        return ready;
    }

    /** Waits until {@link #isReady()} or the encoder stopped; returns whether ready. */
    public boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!ready && (running || thread == null) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return ready;
    }

    /** Whether the encoder thread is running. */
    public boolean isRunning() {
        return running;
    }

    /** Stops the encoder (ends the NUT stream with its trailer if the stream still takes it) and waits for it. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        WorkerThreads.await(t, 3000, LOG, "media encoder did not stop within 3 s (blocked writing?)");
        // Closing ends an open mute interval, so the record shows where it stopped.
        setPrivateMute(false);
    }
}
