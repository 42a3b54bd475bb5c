// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.store.Settings;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.pads.Pads;

/**
 * A configured signature pad, written {@code PROTOCOL:PORT} (e.g. {@code ISDV4:/dev/ttyUSB0}, {@code ISDV4:COM3},
 * {@code STU:/dev/hidraw0}) as in the {@link Settings#WORKSTATION_PAD} setting; the protocol is one the pad driver
 * knows ({@link Pads#protocols()}), the port whatever the driver opens for it.
 *
 * @param protocol protocol name as the driver knows it (lower case, e.g. {@code isdv4})
 * @param port serial port name or path, hidraw or evdev path
 */
public record PadSpec(String protocol, String port) {
    /** An example value, for hints and error messages. */
    public static final String EXAMPLE = "ISDV4:/dev/ttyUSB0";

    /**
     * Parses a setting value; blank means no pad (empty).
     *
     * @throws IllegalArgumentException ({@link LocalizedArgumentException}) naming what is wrong and what to write
     */
    public static Optional<PadSpec> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        int colon = v.indexOf(':');
        List<String> known = Pads.protocols();
        String knownList = String.join(", ", known.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList());
        if (colon < 0 || v.substring(colon + 1).isBlank()) {
            throw new LocalizedArgumentException(DeviceMessages.of("pad.noPort", v, EXAMPLE));
        }
        String protocol = v.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String port = v.substring(colon + 1).trim();
        if (protocol.isEmpty()) {
            throw new LocalizedArgumentException(DeviceMessages.of("pad.noProtocol", v, EXAMPLE, knownList));
        }
        if (!known.contains(protocol)) {
            throw new LocalizedArgumentException(DeviceMessages.of("pad.unknownProtocol", v.substring(0, colon).trim(),
                    knownList, EXAMPLE));
        }
        return Optional.of(new PadSpec(protocol, port));
    }

    /** Creates and opens the pad (blocks for the handshake; call off the FX thread). */
    public SignaturePad open() throws PadException {
        SignaturePad pad = Pads.create(protocol, port, PadOptions.defaults());
        try {
            pad.open();
            return pad;
        } catch (PadException | RuntimeException e) {
            pad.close();
            throw e;
        }
    }

    /** For people: {@code ISDV4 /dev/ttyUSB0}. */
    public String describe() {
        return protocol.toUpperCase(Locale.ROOT) + " " + port;
    }

    @Override
    public String toString() {
        return protocol.toUpperCase(Locale.ROOT) + ":" + port;
    }

    /**
     * What this pad, once opened, is recorded as in a capture: the protocol's description (e.g. "Wacom ISDV4/W8001
     * serial"), the model, port and geometry the pad reported.
     */
    public DeviceInfo deviceInfo(PadInfo info) {
        String vendor = protocol.toUpperCase(Locale.ROOT);
        for (PadProtocol p : PadProtocol.values()) {
            if (p.cliName().equals(protocol)) {
                vendor = p.description();
            }
        }
        return new DeviceInfo(vendor, info.model(), info.port(), info.transport().toString(), info.maxX(),
                info.maxY(), info.maxPressure(), info.reportRateHz());
    }
}
