// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.media.JavaSoundMicrophone;
import org.tixun.core.media.MediaDeviceException;

/**
 * The system's capture devices through {@code javax.sound.sampled}: every mixer that offers a capture line in
 * Tixun's format (48 kHz mono 16-bit). On Linux these are ALSA devices, PulseAudio's among them as {@code default}
 * when ALSA's pulse plugin (Debian {@code libasound2-plugins}) routes the default device to the sound server.
 */
public final class Microphones {
    private static final Logger LOG = LoggerFactory.getLogger(Microphones.class);

    private Microphones() {
    }

    /** The capture devices found; each choice's id is the mixer name the {@code media.microphone} setting stores. */
    public static List<DeviceChoice> discover() {
        List<DeviceChoice> out = new ArrayList<>();
        DataLine.Info capture = new DataLine.Info(TargetDataLine.class, JavaSoundMicrophone.FORMAT);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(info).isLineSupported(capture)) {
                    String description = info.getDescription() == null ? "" : info.getDescription();
                    out.add(new DeviceChoice(DeviceKind.MICROPHONE, info.getName(),
                            description.isBlank() ? info.getName() : info.getName() + " · " + description));
                }
            } catch (IllegalArgumentException | SecurityException e) {
                LOG.debug("mixer {} cannot be asked for capture lines: {}", info.getName(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Opens the microphone of a setting value (a mixer name from {@link #discover()}).
     *
     * @throws DeviceUnavailableException none configured, not found, or it cannot be opened
     */
    public static JavaSoundMicrophone open(String setting) {
        String name = setting == null ? "" : setting.trim();
        if (name.isEmpty()) {
            throw DeviceUnavailableException.notConfigured(DeviceKind.MICROPHONE);
        }
        if (name.equals("tone")) {
            throw DeviceUnavailableException.refused(DeviceKind.MICROPHONE, name,
                    DeviceMessages.of("microphones.testTone"));
        }
        List<DeviceChoice> found = discover();
        if (found.stream().noneMatch(c -> c.id().equals(name))) {
            throw DeviceUnavailableException.notFound(DeviceKind.MICROPHONE, name,
                    found.stream().map(DeviceChoice::id).toList());
        }
        JavaSoundMicrophone mic = new JavaSoundMicrophone(name);
        try {
            mic.open();
            return mic;
        } catch (MediaDeviceException e) {
            mic.close();
            throw DeviceUnavailableException.failed(DeviceKind.MICROPHONE, name, e);
        }
    }
}
