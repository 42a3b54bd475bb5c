// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.pads;

import java.util.LinkedHashSet;
import java.util.Set;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.PadProvider;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.evdev.EvdevPad;
import org.tixun.signpad.protocol4.Protocol4;
import org.tixun.signpad.serial.Isdv4Driver;
import org.tixun.signpad.serial.Protocol4Driver;
import org.tixun.signpad.serial.SerialSignaturePad;
import org.tixun.signpad.serial.TopazDriver;
import org.tixun.signpad.stu.StuPad;

/** Provides the protocols this module implements (ISDV4, Protocol IV, Topaz, STU, evdev). */
public final class BuiltInPadProvider implements PadProvider {

    @Override
    public Set<String> protocols() {
        Set<String> names = new LinkedHashSet<>();
        for (PadProtocol p : PadProtocol.values()) {
            names.add(p.cliName());
        }
        return names;
    }

    @Override
    public SignaturePad create(String protocol, String port, PadOptions options) {
        return switch (PadProtocol.fromName(protocol)) {
            case ISDV4 -> new SerialSignaturePad(port, new Isdv4Driver(), options);
            case PROTOCOL4 -> new SerialSignaturePad(port,
                    new Protocol4Driver(Protocol4.DEFAULT_EXTRA_PRESSURE_BITS), options);
            case TOPAZ -> new SerialSignaturePad(port, new TopazDriver(), options);
            case STU -> new StuPad(port, options);
            case EVDEV -> new EvdevPad(port, options);
        };
    }
}
