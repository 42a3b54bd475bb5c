// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.util.Optional;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.CameraProvider;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.MicrophoneProvider;
import org.tixun.core.media.VideoSource;

/**
 * The simulated camera ({@code synthetic} or {@code synthetic:N}, {@link SyntheticWebcamDriver}) and microphone
 * ({@code tone}, {@link ToneSource}) for the demo and the tests. Registered as {@link CameraProvider} and
 * {@link MicrophoneProvider}; this module is never part of a production package, so a real session cannot reach them.
 */
public final class SimulatedDevices implements CameraProvider, MicrophoneProvider {
    /** The simulated camera's configuration name. */
    public static final String CAMERA = "synthetic";
    /** The simulated microphone's configuration name. */
    public static final String MICROPHONE = "tone";

    public SimulatedDevices() {
        // ServiceLoader
    }

    @Override
    public Optional<VideoSource> open(String device, Dimension resolution, int fps) {
        if (!device.startsWith(CAMERA)) {
            return Optional.empty();
        }
        return Optional.of(openCamera(device, resolution, fps));
    }

    @Override
    public Optional<AudioSource> open(String device) {
        return MICROPHONE.equals(device) ? Optional.of(new ToneSource()) : Optional.empty();
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
