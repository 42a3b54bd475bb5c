// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.Dimension;

/**
 * Where a session's camera and microphone come from. Production: the configured devices
 * ({@code org.tixun.core.devices.config.ConfiguredDevices}), which never substitute a simulator; the demo and the
 * tests pass their simulated ones from the sim module, which production code cannot reach.
 */
public interface MediaDevices {

    /** Opens the camera (not started); a sentence says what is wrong when there is none. */
    VideoSource openCamera(Dimension size, int fps);

    /** Opens the microphone (not started). */
    AudioSource openMicrophone();
}
