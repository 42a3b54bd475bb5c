// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.Dimension;
import java.util.Optional;

/**
 * Opens cameras the platform driver does not know. Implemented only by plug-in modules outside the production
 * application (the simulators of the demo and the tests), found with {@link java.util.ServiceLoader}; a production
 * package carries none, so its sessions can only reach real devices.
 */
public interface CameraProvider {

    /** The camera named {@code device} if this provider owns that name, else empty. */
    Optional<VideoSource> open(String device, Dimension resolution, int fps);
}
