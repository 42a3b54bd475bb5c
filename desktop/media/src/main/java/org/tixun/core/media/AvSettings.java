// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

/**
 * Encoder settings for one direction of a call (H.264 + AAC in NUT; see docs/session.md "Audio and video").
 *
 * @param width picture width (the source's)
 * @param height picture height
 * @param frameRate frames per second
 * @param videoBitrate H.264 target bit rate, bits per second
 * @param gopFrames key frame interval in frames (about 2 s)
 * @param audioBitrate AAC bit rate, bits per second
 * @param queueCapacity frames and audio chunks waiting for the encoder; when full the oldest is dropped and counted
 */
public record AvSettings(int width, int height, int frameRate, int videoBitrate, int gopFrames, int audioBitrate,
        int queueCapacity) {
    public AvSettings {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("size must be positive and even: " + width + "x" + height);
        }
        if (frameRate <= 0 || videoBitrate <= 0 || gopFrames <= 0 || audioBitrate <= 0 || queueCapacity < 2) {
            throw new IllegalArgumentException("bad media settings");
        }
    }

    /**
     * Tixun's defaults for a size at 25 fps: 0.2 bit per pixel (1.5 Mbit/s at 640×480, 4.6 at 720p), GOP 2 s,
     * AAC 64 kbit/s.
     */
    public static AvSettings of(int width, int height) {
        int fps = 25;
        int bitrate = Math.max(300_000, (int) Math.min(6_000_000L, (long) width * height * fps / 5));
        return new AvSettings(width, height, fps, bitrate, fps * 2, 64_000, 150);
    }
}
