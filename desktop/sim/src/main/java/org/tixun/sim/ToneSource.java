// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.MediaClock;
import org.tixun.core.media.WorkerThreads;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generated test signal in place of a microphone: a 1 kHz beep during the first 100 ms of every wall-clock second
 * (the window in which {@link SyntheticWebcamDriver} flashes), silence otherwise. Chunks of 20 ms are aligned to the
 * wall clock's 20 ms grid and delivered in real time, each stamped with the time of its first sample.
 */
public final class ToneSource implements AudioSource {
    private static final Logger LOG = LoggerFactory.getLogger(ToneSource.class);
    /** Beep frequency, Hz. */
    public static final int FREQUENCY = 1000;
    /** Beep length at the start of each second, microseconds. */
    public static final long BEEP_MICROS = SyntheticWebcamDriver.MARKER_MICROS;
    /** Beep amplitude (of 32767). */
    public static final int AMPLITUDE = 12_000;
    private static final long CHUNK_MICROS = 20_000;

    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong consumerFailures = new AtomicLong();
    private volatile Consumer<AudioChunk> consumer;
    private volatile boolean running;
    private Thread thread;

    @Override
    public String name() {
        return "tone 1 kHz";
    }

    /** The chunk that starts at {@code epochMicros} (any time; samples are computed from absolute time). */
    public static AudioChunk chunkAt(long epochMicros) {
        short[] s = new short[CHUNK_SAMPLES];
        for (int i = 0; i < s.length; i++) {
            long t = epochMicros + i * 1_000_000L / SAMPLE_RATE;
            if (MediaClock.inMarker(t, BEEP_MICROS)) {
                long inSecond = Math.floorMod(t, 1_000_000L);
                s[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * inSecond / 1e6));
            }
        }
        return new AudioChunk(s, SAMPLE_RATE, 1, epochMicros);
    }

    @Override
    public void start(Consumer<AudioChunk> consumer) {
        synchronized (lock) {
            this.consumer = consumer;
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "tixun-tone");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        long chunkStart = (MediaClock.nowMicros() / CHUNK_MICROS + 1) * CHUNK_MICROS;
        try {
            while (running) {
                // A chunk is complete when its last sample's time has passed, as with a real capture line.
                long wait = chunkStart + CHUNK_MICROS - MediaClock.nowMicros();
                if (wait > 0) {
                    LockSupport.parkNanos(wait * 1000);
                    if (Thread.interrupted()) {
                        break;
                    }
                    continue;
                }
                AudioChunk c = chunkAt(chunkStart);
                chunkStart += CHUNK_MICROS;
                delivered.incrementAndGet();
                Consumer<AudioChunk> k = consumer;
                if (k != null) {
                    try {
                        k.accept(c);
                    } catch (RuntimeException e) {
                        // A failing consumer must not stop the audio; logged (first few) and counted.
                        if (consumerFailures.incrementAndGet() <= 5) {
                            LOG.error("{}: audio consumer failed", name(), e);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("tone source stopped", e);
            running = false;
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
        WorkerThreads.await(t, 2000, LOG, "tone source thread did not stop within 2 s");
    }

    @Override
    public long chunksDelivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        stop();
    }
}
