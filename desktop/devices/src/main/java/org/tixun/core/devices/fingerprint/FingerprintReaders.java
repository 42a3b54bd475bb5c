// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.i18n.DeviceMessages;

/**
 * The fingerprint reader setting ({@code devices.fingerprint}) and the readers found: {@code
 * livescan:/path/to/vendor-library.so} (optionally {@code #CHANNEL}) for a GA/T 626.1 live scanner, {@code
 * libfprint:DRIVER:DEVICE_ID} for a libfprint image reader. LIVESCAN libraries cannot be discovered (each vendor
 * ships its own file); libfprint readers are listed.
 */
public final class FingerprintReaders {
    /** Prefix of a GA/T 626.1 library setting. */
    public static final String LIVESCAN = "livescan:";
    private static final Logger LOG = LoggerFactory.getLogger(FingerprintReaders.class);

    private FingerprintReaders() {
    }

    /** The setting value of a LIVESCAN library and channel. */
    public static String livescanSetting(Path library, int channel) {
        return LIVESCAN + library.toAbsolutePath().normalize() + (channel == 0 ? "" : "#" + channel);
    }

    /** The libfprint image readers attached (none if libfprint is not installed; the log says so). */
    public static List<DeviceChoice> discover() {
        List<DeviceChoice> out = new ArrayList<>();
        try {
            for (LibfprintReader.Device d : LibfprintReader.devices()) {
                if (d.canCapture()) {
                    out.add(new DeviceChoice(DeviceKind.FINGERPRINT_READER, d.settingValue(),
                            d.name() + " (libfprint " + d.driver() + ")"));
                } else {
                    LOG.info("libfprint reader {} does not give out images: not offered", d.name());
                }
            }
        } catch (DeviceUnavailableException e) {
            LOG.info("no libfprint readers listed: {}", e.getMessage());
        }
        return out;
    }

    /**
     * Opens the reader of a setting value.
     *
     * @throws DeviceUnavailableException none configured, an unknown form, or the reader cannot be opened
     */
    public static FingerprintReader open(String setting) {
        String v = setting == null ? "" : setting.trim();
        if (v.isEmpty()) {
            throw DeviceUnavailableException.notConfigured(DeviceKind.FINGERPRINT_READER);
        }
        if (v.startsWith(LIVESCAN)) {
            String rest = v.substring(LIVESCAN.length());
            int hash = rest.lastIndexOf('#');
            int channel = 0;
            if (hash > 0) {
                try {
                    channel = Integer.parseInt(rest.substring(hash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(v);
                }
                rest = rest.substring(0, hash);
            }
            if (rest.isBlank()) {
                throw invalid(v);
            }
            return LivescanReader.open(Path.of(rest), channel);
        }
        if (v.startsWith(LibfprintReader.PREFIX) && v.indexOf(':', LibfprintReader.PREFIX.length()) > 0) {
            return LibfprintReader.open(v);
        }
        throw invalid(v);
    }

    private static DeviceUnavailableException invalid(String v) {
        return new DeviceUnavailableException(DeviceKind.FINGERPRINT_READER, v, DeviceMessages.of("readers.notUnderstood", v),
                DeviceMessages.of("readers.remedy.choose"),
                null);
    }
}
