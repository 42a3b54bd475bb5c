// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.Dimension;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens the camera a configuration names: a {@link CameraProvider} on the class path if one owns the name, else the
 * platform's camera ({@link CameraSource}). */
public final class Cameras {
    private Cameras() {
    }

    /**
     * Opens {@code device}.
     *
     * @throws MediaDeviceException with a sentence if there is no such camera or it cannot be opened
     */
    public static VideoSource open(String device, Dimension resolution, int fps) {
        String name = device == null ? "" : device.trim();
        for (CameraProvider provider : ServiceLoader.load(CameraProvider.class)) {
            Optional<VideoSource> opened = provider.open(name, resolution, fps);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        return CameraSource.open(name, resolution, fps);
    }
}
