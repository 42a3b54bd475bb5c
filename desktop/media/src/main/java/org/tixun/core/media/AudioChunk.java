// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.Objects;

/**
 * A run of PCM audio: signed 16-bit samples, interleaved when {@code channels > 1}.
 *
 * @param samples the samples
 * @param sampleRate samples per second per channel (48 000 throughout Tixun)
 * @param channels channel count (1 throughout Tixun)
 * @param captureEpochMicros wall-clock time of the first sample, microseconds since the epoch
 */
public record AudioChunk(short[] samples, int sampleRate, int channels, long captureEpochMicros) {
    public AudioChunk {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sampleRate and channels must be positive");
        }
    }

    /** Duration in microseconds. */
    public long durationMicros() {
        return samples.length / channels * 1_000_000L / sampleRate;
    }
}
