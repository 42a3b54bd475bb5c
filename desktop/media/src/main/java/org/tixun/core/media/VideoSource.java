// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.function.Consumer;

/** A paced source of pictures (a camera). */
public interface VideoSource extends AutoCloseable {
    /** A name for logs and self-test sentences. */
    String name();

    /** Frames per second the source aims at. */
    int frameRate();

    /**
     * Starts delivering frames to {@code consumer} on the source's own thread. Replaces any previous consumer; the
     * consumer must return quickly.
     */
    void start(Consumer<VideoFrame> consumer);

    /** Stops delivering frames (the device stays open for {@link #photo()}). */
    void stop();

    /** A still picture as JPEG bytes (for signer photos): the newest frame if running, else a fresh capture. */
    byte[] photo();

    /** Frames delivered since opening. */
    long framesDelivered();

    /** Capture slots missed because the device was late (pacing overruns). */
    long framesLate();

    @Override
    void close();
}
