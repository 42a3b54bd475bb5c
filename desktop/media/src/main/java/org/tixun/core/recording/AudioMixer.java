// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import org.tixun.core.media.AudioChunk;

/**
 * Mixes both directions into one 48 kHz mono track on a wall-clock timeline: sample {@code n} is at
 * {@code origin + n / 48 000 s}. Each chunk is added at the position of its capture time; stretches nobody spoke into
 * are silence. Samples arriving for a stretch already written are counted as late and dropped.
 */
final class AudioMixer {
    private static final int RATE = RecordingConfig.SAMPLE_RATE;
    private final long originMicros;
    private int[] acc = new int[RATE * 4];
    /** Absolute index of acc[0] == samples written so far. */
    private long written;
    private long late;

    AudioMixer(long originMicros) {
        this.originMicros = originMicros;
    }

    /** Adds a chunk (any rate, any channel count: down-mixed and resampled to 48 kHz mono). */
    void add(AudioChunk c) {
        int channels = c.channels();
        int inFrames = c.samples().length / channels;
        if (inFrames == 0) {
            return;
        }
        long pos = Math.floorDiv((c.captureEpochMicros() - originMicros) * RATE, 1_000_000L);
        long outFrames = (long) inFrames * RATE / c.sampleRate();
        for (long i = 0; i < outFrames; i++) {
            long at = pos + i;
            if (at < written) {
                late++;
                continue;
            }
            int src = (int) Math.min(inFrames - 1, i * c.sampleRate() / RATE);
            int sum = 0;
            for (int ch = 0; ch < channels; ch++) {
                sum += c.samples()[src * channels + ch];
            }
            int rel = (int) Math.min(Integer.MAX_VALUE, at - written);
            if (rel >= RATE * 60) {
                late++;
                continue;
            }
            ensure(rel + 1);
            acc[rel] += sum / channels;
        }
    }

    private void ensure(int n) {
        if (n > acc.length) {
            int[] bigger = new int[Math.max(n, acc.length * 2)];
            System.arraycopy(acc, 0, bigger, 0, acc.length);
            acc = bigger;
        }
    }

    /** Takes the mixed samples up to absolute index {@code until} (clipped to 16 bits). */
    short[] take(long until) {
        int n = (int) Math.max(0, until - written);
        short[] out = new short[n];
        ensure(n);
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, acc[i]));
        }
        System.arraycopy(acc, n, acc, 0, acc.length - n);
        java.util.Arrays.fill(acc, acc.length - n, acc.length, 0);
        written += n;
        return out;
    }

    /** Skips to {@code index} without writing (a pause): what was mixed for the skipped stretch is discarded. */
    void skipTo(long index) {
        if (index <= written) {
            return;
        }
        long n = index - written;
        if (n >= acc.length) {
            java.util.Arrays.fill(acc, 0);
        } else {
            System.arraycopy(acc, (int) n, acc, 0, acc.length - (int) n);
            java.util.Arrays.fill(acc, acc.length - (int) n, acc.length, 0);
        }
        written = index;
    }

    long written() {
        return written;
    }

    long late() {
        return late;
    }

    /** Absolute sample index of a wall-clock time. */
    long indexOf(long epochMicros) {
        return Math.floorDiv((epochMicros - originMicros) * RATE, 1_000_000L);
    }
}
