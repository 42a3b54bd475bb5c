// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.Optional;

/**
 * Opens microphones the system's sound API does not know. Implemented only by plug-in modules outside the
 * production application (the simulators of the demo and the tests), found with {@link java.util.ServiceLoader}; a
 * production package carries none, so its sessions can only hear the room.
 */
public interface MicrophoneProvider {

    /** The microphone named {@code device} if this provider owns that name, else empty. */
    Optional<AudioSource> open(String device);
}
