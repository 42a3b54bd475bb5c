// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The microphone through {@code javax.sound.sampled}: a {@link TargetDataLine} at 48 kHz, mono, signed 16-bit little
 * endian, read in 20 ms chunks on its own thread. A chunk's time is the wall clock when it was read minus its length
 * (the line's own buffering of a few ms is not corrected).
 */
public final class JavaSoundMicrophone implements AudioSource {
    private static final Logger LOG = LoggerFactory.getLogger(JavaSoundMicrophone.class);
    /** The capture format. */
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private final String mixerName;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong consumerFailures = new AtomicLong();
    private volatile Consumer<AudioChunk> consumer;
    private volatile boolean running;
    private TargetDataLine line;
    private Thread thread;

    /**
     * A microphone.
     *
     * @param mixerName the mixer to use (as listed by {@link AudioSystem#getMixerInfo()}), or empty/null for the
     *     system default
     */
    public JavaSoundMicrophone(String mixerName) {
        this.mixerName = mixerName == null ? "" : mixerName.trim();
    }

    @Override
    public String name() {
        return mixerName.isEmpty() ? "default microphone" : mixerName;
    }

    /** Opens the line (also done by {@link #start}); fails with a sentence naming the problem. */
    public void open() {
        synchronized (lock) {
            if (line != null) {
                return;
            }
            Mixer.Info[] mixers = AudioSystem.getMixerInfo();
            if (mixers.length == 0) {
                throw new MediaDeviceException(MediaMessages.of("microphone.noAudioDevice"));
            }
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
            try {
                TargetDataLine l;
                if (mixerName.isEmpty()) {
                    l = (TargetDataLine) AudioSystem.getLine(info);
                } else {
                    Mixer.Info chosen = null;
                    for (Mixer.Info m : mixers) {
                        if (m.getName().equals(mixerName)) {
                            chosen = m;
                        }
                    }
                    if (chosen == null) {
                        throw new MediaDeviceException(MediaMessages.of("microphone.notFound", mixerName));
                    }
                    l = (TargetDataLine) AudioSystem.getMixer(chosen).getLine(info);
                }
                l.open(FORMAT, CHUNK_SAMPLES * 2 * 4);
                line = l;
            } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
                throw new MediaDeviceException(MediaMessages.of("microphone.noCaptureLine", e), e);
            }
        }
    }

    @Override
    public void start(Consumer<AudioChunk> consumer) {
        open();
        synchronized (lock) {
            this.consumer = consumer;
            if (running) {
                return;
            }
            running = true;
            line.start();
            TargetDataLine l = line;
            thread = new Thread(() -> loop(l), "tixun-microphone");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop(TargetDataLine l) {
        byte[] buf = new byte[CHUNK_SAMPLES * 2];
        try {
            while (running) {
                int n = 0;
                while (n < buf.length && running) {
                    int r = l.read(buf, n, buf.length - n);
                    if (r <= 0 && !l.isOpen()) {
                        return;
                    }
                    n += Math.max(r, 0);
                }
                long end = MediaClock.nowMicros();
                short[] s = new short[n / 2];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) ((buf[2 * i] & 0xff) | (buf[2 * i + 1] << 8));
                }
                AudioChunk c = new AudioChunk(s, SAMPLE_RATE, 1, end - s.length * 1_000_000L / SAMPLE_RATE);
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
            LOG.error("microphone {} stopped", name(), e);
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
            if (line != null) {
                line.stop();
            }
        }
        WorkerThreads.await(t, 2000, LOG, "microphone thread did not stop within 2 s");
    }

    @Override
    public long chunksDelivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        stop();
        synchronized (lock) {
            if (line != null) {
                line.close();
                line = null;
            }
        }
    }
}
