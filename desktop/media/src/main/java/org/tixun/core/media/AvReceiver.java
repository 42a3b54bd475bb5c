// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the peer's NUT stream (after its {@link AvStreamHeader}) from an {@link InputStream} on its own thread and
 * hands every picture and audio run to a {@link MediaSink} as {@link Direction#REMOTE}. Receiver options per
 * VIDEO-NOTES: {@code fflags=nobuffer}, {@code flags=low_delay}, {@code probesize=32}, {@code analyzeduration=0},
 * one decoder thread.
 *
 * <p>A picture's capture time is its burned-in {@link FrameStamp} when it carries one (exact), else the in-band
 * NUT time stamp mapped through the stream header's base time (within a frame period). Audio times come from the NUT
 * time stamps.
 */
public final class AvReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvReceiver.class);
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final InputStream in;
    private final MediaSink sink;
    private final AtomicLong videoReceived = new AtomicLong();
    private final AtomicLong stamped = new AtomicLong();
    private final AtomicLong audioReceived = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private volatile Consumer<Throwable> endListener = t -> { };
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long finalCpuNanos = -1;

    /**
     * A receiver.
     *
     * @param in the stream, e.g. the media socket's input (not closed by the receiver; the connection owns it)
     * @param sink where decoded media goes ({@link Direction#REMOTE}); called on the decoder thread
     */
    public AvReceiver(InputStream in, MediaSink sink) {
        this.in = in;
        this.sink = sink;
    }

    /**
     * Called once when the stream ends or breaks while running (cause null: the peer ended its stream cleanly), on
     * the decoder thread; not called after {@link #close()}.
     */
    public void setEndListener(Consumer<Throwable> listener) {
        this.endListener = listener == null ? t -> { } : listener;
    }

    /** Starts the decoder thread. */
    public synchronized void start() {
        if (running || thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Thread t = new Thread(this::decodeLoop, "tixun-av-decoder");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void decodeLoop() {
        Throwable failure = null;
        FFmpegFrameGrabber grabber = null;
        try {
            AvStreamHeader header = AvStreamHeader.read(in);
            long origin = header.baseEpochMicros() - AvStreamHeader.PREROLL_MICROS;
            grabber = new FFmpegFrameGrabber(in, 0);
            configure(grabber);
            // No avformat_find_stream_info: the NUT header describes both streams, and with fflags=nobuffer the packets
            // read while probing would be discarded (losing the first key frame: no picture for a whole GOP).
            grabber.startUnsafe(false);
            long ownSequence = 0;
            while (running) {
                Frame f = grabber.grabFrame(true, true, true, false, true);
                if (f == null) {
                    break;
                }
                if (f.image != null && f.imageWidth > 0) {
                    BufferedImage img = copyImage(f);
                    Optional<FrameStamp> stamp = FrameStamp.read(img);
                    if (stamp.isPresent()) {
                        stamped.incrementAndGet();
                    }
                    long seq = ownSequence++;
                    long t = origin + f.timestamp;
                    VideoFrame v = stamp.map(s -> new VideoFrame(img, s.captureEpochMicros(), s.sequence()))
                            .orElseGet(() -> new VideoFrame(img, t, seq));
                    videoReceived.incrementAndGet();
                    deliver(() -> sink.video(Direction.REMOTE, v));
                } else if (f.samples != null && f.samples[0] instanceof ShortBuffer sb) {
                    short[] s = new short[sb.remaining()];
                    sb.duplicate().get(s);
                    int channels = Math.max(1, f.audioChannels);
                    AudioChunk c = new AudioChunk(s, f.sampleRate > 0 ? f.sampleRate : AudioSource.SAMPLE_RATE,
                            channels, origin + f.timestamp);
                    audioReceived.incrementAndGet();
                    deliver(() -> sink.audio(Direction.REMOTE, c));
                }
            }
        } catch (Exception | LinkageError e) {
            failure = e;
        } finally {
            finalCpuNanos = MX.getCurrentThreadCpuTime();
            if (grabber != null) {
                try {
                    grabber.close();
                } catch (Exception e) {
                    LOG.debug("decoder close", e);
                }
            }
            boolean wasRunning = running;
            running = false;
            if (wasRunning) {
                if (failure != null) {
                    LOG.warn("media receiver: stream broke: {}", failure.toString());
                } else {
                    LOG.info("media receiver: the peer ended its stream");
                }
                try {
                    endListener.accept(failure);
                } catch (RuntimeException e) {
                    LOG.error("end listener", e);
                }
            }
        }
    }

    private void deliver(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A failing sink must not stop the call; it is logged (rate-limited) and counted.
            if (sinkFailures.incrementAndGet() <= 5) {
                LOG.error("media sink failed", e);
            }
        }
    }

    static void configure(FFmpegFrameGrabber g) {
        g.setFormat("nut");
        g.setOption("fflags", "nobuffer");
        g.setOption("probesize", "32");
        g.setOption("analyzeduration", "0");
        g.setVideoOption("flags", "low_delay");
        g.setVideoOption("threads", "1");
        g.setSampleMode(FrameGrabber.SampleMode.SHORT);
        g.setCloseInputStream(false);
        Ffmpeg.quiet();
    }

    /** Copies a decoded BGR24 frame (the grabber reuses its buffers) into a new picture. */
    static BufferedImage copyImage(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        ByteBuffer src = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        int row = w * 3;
        for (int y = 0; y < h; y++) {
            src.get(y * stride, dst, y * row, row);
        }
        return img;
    }

    /** Counters of this receiver. */
    public Stats stats() {
        Thread t = thread;
        long cpu = finalCpuNanos;
        if (cpu < 0 && t != null) {
            cpu = Math.max(0, MX.getThreadCpuTime(t.getId()));
        }
        return new Stats(videoReceived.get(), stamped.get(), audioReceived.get(), sinkFailures.get(),
                Math.max(cpu, 0));
    }

    /**
     * Receiver counters.
     *
     * @param videoReceived pictures decoded
     * @param videoStamped of which carried a readable {@link FrameStamp}
     * @param audioReceived audio runs decoded
     * @param sinkFailures sink calls that threw
     * @param decoderCpuNanos CPU time of the decoder thread
     */
    public record Stats(long videoReceived, long videoStamped, long audioReceived, long sinkFailures,
            long decoderCpuNanos) {
    }

    /** Whether the decoder thread is running. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops the decoder. It is blocked reading the stream: close the stream (the socket) first or together; waits up
     * to 3 s for the thread.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        WorkerThreads.await(t, 3000, LOG, "media decoder did not stop within 3 s (stream still open?)");
    }
}
