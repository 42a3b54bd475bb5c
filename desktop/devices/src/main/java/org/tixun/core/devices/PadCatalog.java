// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.discovery.PadCandidate;
import org.tixun.signpad.discovery.PadDiscovery;

/**
 * The signature pads found on this computer (what {@code tixun pad list} prints) as choices for Settings: each with
 * a protocol and a port, its setting value {@code PROTOCOL:PORT} ({@link PadSpec}). A plain serial port cannot tell
 * which serial protocol its pad speaks, so it is offered once per serial protocol; the self-test tells which one
 * answers.
 */
public final class PadCatalog {
    /** Protocols a plain serial port may speak, most common first. */
    static final List<PadProtocol> SERIAL = List.of(PadProtocol.ISDV4, PadProtocol.PROTOCOL4, PadProtocol.TOPAZ);

    private final PadDiscovery discovery;

    /** The pads of this computer. */
    public PadCatalog() {
        this(new PadDiscovery());
    }

    /** Pads found by {@code discovery} (tests give it another sysfs and /dev tree). */
    public PadCatalog(PadDiscovery discovery) {
        this.discovery = discovery;
    }

    /** Every pad found, as choices whose {@link DeviceChoice#id()} is the {@code PROTOCOL:PORT} setting value. */
    public List<DeviceChoice> discover() {
        List<DeviceChoice> out = new ArrayList<>();
        for (PadCandidate c : discovery.candidates()) {
            if (c.protocol() != null && c.protocol() != PadProtocol.ISDV4) {
                out.add(choice(c.protocol(), c.port(), c.description()));
            } else {
                // Serial: ISDV4 is the likely one (Wacom) or only a guess; offer the other serial protocols as well.
                for (PadProtocol p : SERIAL) {
                    out.add(choice(p, c.port(), c.description()));
                }
            }
        }
        return out;
    }

    /** The discovered choice with this setting value, if that pad is connected now. */
    public Optional<DeviceChoice> find(String settingValue) {
        Optional<PadSpec> spec = PadSpec.parse(settingValue);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        return discover().stream().filter(c -> c.id().equals(spec.get().toString())).findFirst();
    }

    private static DeviceChoice choice(PadProtocol protocol, String port, String description) {
        PadSpec spec = new PadSpec(protocol.cliName(), port);
        return new DeviceChoice(DeviceKind.SIGNATURE_PAD, spec.toString(),
                port + " · " + protocol.description() + " · " + description.strip());
    }
}
