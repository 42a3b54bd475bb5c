// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.MediaDevices;
import org.tixun.core.media.VideoSource;

/**
 * The simulated camera ({@code synthetic} or {@code synthetic:N}, {@link SyntheticWebcamDriver}) and microphone
 * ({@code tone}, {@link ToneSource}) for the demo and the tests, passed to a session as its {@link MediaDevices}.
 * This module is never part of a production package, and production code cannot depend on it.
 */
public final class SimulatedDevices implements MediaDevices {
    /** The simulated camera's configuration name. */
    public static final String CAMERA = "synthetic";
    /** The simulated microphone's configuration name. */
    public static final String MICROPHONE = "tone";

    private final String camera;

    /** The synthetic camera {@code camera} ({@code synthetic} or {@code synthetic:N}) and the tone. */
    public SimulatedDevices(String camera) {
        this.camera = camera;
    }

    @Override
    public VideoSource openCamera(Dimension size, int fps) {
        return openCamera(camera, size, fps);
    }

    @Override
    public AudioSource openMicrophone() {
        return new ToneSource();
    }

    /** Opens the synthetic camera {@code synthetic} or {@code synthetic:N}. */
    public static CameraSource openCamera(String device, Dimension resolution, int fps) {
        int index = 0;
        if (device.length() > CAMERA.length()) {
            if (device.charAt(CAMERA.length()) != ':') {
                throw new IllegalArgumentException("camera must be synthetic or synthetic:N: " + device);
            }
            index = Integer.parseInt(device.substring(CAMERA.length() + 1));
        }
        ensureDriver();
        Webcam webcam;
        try {
            webcam = Webcam.getWebcamByName(SyntheticWebcamDriver.NAME_PREFIX + index);
        } catch (WebcamException e) {
            throw new MediaDeviceException("无法列出模拟摄像头 (cannot list the synthetic cameras: " + e.getMessage() + ")",
                    e);
        }
        if (webcam == null) {
            throw new MediaDeviceException("没有这个模拟摄像头：" + device + " (no such synthetic camera)");
        }
        // Several JVMs (tests, the benchmark) may open the same synthetic name: no cross-process lock file.
        webcam.getLock().disable();
        return CameraSource.open(webcam, resolution, fps);
    }

    /** Installs the synthetic driver once per JVM; mixing it with a real camera in one JVM is refused. */
    private static synchronized void ensureDriver() {
        if (!(Webcam.getDriver() instanceof SyntheticWebcamDriver)) {
            Webcam.setDriver(new SyntheticWebcamDriver());
        }
    }
}
