// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the microphone a configuration names: a {@link MicrophoneProvider} on the class path if one owns the name,
 * else the system's capture device of that mixer name ({@code ""} or {@code "default"}: the default device).
 */
public final class Microphones {
    private Microphones() {
    }

    /** Opens {@code device}; failures to capture surface when the source starts ({@link MediaDeviceException}). */
    public static AudioSource open(String device) {
        String name = device == null ? "" : device.trim();
        for (MicrophoneProvider provider : ServiceLoader.load(MicrophoneProvider.class)) {
            Optional<AudioSource> opened = provider.open(name);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        return new JavaSoundMicrophone("default".equals(name) ? "" : name);
    }
}
