// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.function.Consumer;

/** A source of 48 kHz mono 16-bit audio in chunks of about 20 ms (a microphone, or a generated tone). */
public interface AudioSource extends AutoCloseable {
    /** Sample rate of every chunk. */
    int SAMPLE_RATE = 48_000;
    /** Samples per 20 ms chunk at {@link #SAMPLE_RATE}. */
    int CHUNK_SAMPLES = SAMPLE_RATE / 50;

    /** A name for logs and self-test sentences. */
    String name();

    /**
     * Starts delivering chunks to {@code consumer} on the source's own thread (replacing any previous consumer).
     *
     * @throws MediaDeviceException with a sentence if the device cannot be opened
     */
    void start(Consumer<AudioChunk> consumer);

    /** Stops delivering chunks. */
    void stop();

    /** Chunks delivered since creation. */
    long chunksDelivered();

    @Override
    void close();
}
