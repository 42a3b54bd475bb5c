// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One video picture as captured or as decoded from the peer.
 *
 * @param image pixels, {@link BufferedImage#TYPE_3BYTE_BGR}; owned by the receiver of the frame (do not mutate a frame
 *     that was handed to several sinks)
 * @param captureEpochMicros wall-clock time the picture was captured at its source, microseconds since the epoch;
 *     for a decoded frame, the stamp the sender put into it (glass-to-glass latency = display time - this)
 * @param sequence frame counter at the source, starting at 0
 */
public record VideoFrame(BufferedImage image, long captureEpochMicros, long sequence) {
    public VideoFrame {
        Objects.requireNonNull(image, "image");
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
