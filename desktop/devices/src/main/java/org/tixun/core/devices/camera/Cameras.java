// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.util.List;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.VideoSource;

/**
 * Opens a camera setting: an {@code rtsp://} URL is an {@link RtspCamera}; anything else names a camera attached to
 * this computer, opened through Webcam Capture ({@link CameraSource}) with the {@link FfmpegWebcamDriver}.
 */
public final class Cameras {
    private static boolean driverInstalled;

    private Cameras() {
    }

    /**
     * Opens the camera of a setting value.
     *
     * @throws MediaDeviceException naming the camera and the problem (zh, en)
     */
    public static VideoSource open(String setting, Dimension size, int fps) {
        if (RtspCamera.isRtsp(setting)) {
            return RtspCamera.open(setting.trim(), RtspCamera.Options.defaults());
        }
        installDriver();
        return CameraSource.open(setting.trim(), size, fps);
    }

    /** Installs the {@link FfmpegWebcamDriver} as Webcam Capture's driver (once per process). */
    static synchronized void installDriver() {
        if (driverInstalled) {
            if (!(Webcam.getDriver() instanceof FfmpegWebcamDriver)) {
                throw new MediaDeviceException(DeviceMessages.of("cameras.syntheticDriver"));
            }
            return;
        }
        Webcam.setDriver(new FfmpegWebcamDriver());
        driverInstalled = true;
    }

    /** The cameras attached to this computer. */
    public static List<NativeCamera> attached() {
        return new NativeCameras().discover();
    }
}
