// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import java.util.Objects;

/**
 * A camera attached to this computer as FFmpeg's capture input sees it.
 *
 * @param name the camera's own name (from V4L2, DirectShow or AVFoundation)
 * @param format FFmpeg's input format: {@code video4linux2} (Linux), {@code dshow} (Windows), {@code avfoundation}
 *     (macOS)
 * @param input what FFmpeg opens: {@code /dev/video0}, {@code video=USB Camera}, or the AVFoundation index
 */
public record NativeCamera(String name, String format, String input) {
    public NativeCamera {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(input, "input");
    }

    /**
     * The name the camera has in Webcam Capture and in the {@code media.camera} setting: {@code USB Camera
     * (/dev/video0)}.
     */
    public String deviceName() {
        String where = input.startsWith("video=") ? input.substring(6) : input;
        return where.equals(name) ? name : name + " (" + where + ")";
    }
}
