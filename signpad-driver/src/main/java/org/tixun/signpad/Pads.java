// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import org.tixun.signpad.evdev.EvdevPad;
import org.tixun.signpad.serial.Isdv4Driver;
import org.tixun.signpad.serial.Protocol4Driver;
import org.tixun.signpad.serial.SerialSignaturePad;
import org.tixun.signpad.serial.TopazDriver;
import org.tixun.signpad.sim.SimulatedPad;
import org.tixun.signpad.stu.StuPad;

/** Creates pads by protocol and port: the one entry point the application needs. */
public final class Pads {

    private Pads() {
    }

    /** Returns an unopened pad for {@code port} (serial port name or path, hidraw or evdev path). */
    public static SignaturePad create(PadProtocol protocol, String port, PadOptions options) {
        return switch (protocol) {
            case ISDV4 -> new SerialSignaturePad(port, new Isdv4Driver(), options);
            case PROTOCOL4 -> new SerialSignaturePad(port,
                    new Protocol4Driver(SimulatedPad.PROTOCOL4_EXTRA_PRESSURE_BITS), options);
            case TOPAZ -> new SerialSignaturePad(port, new TopazDriver(), options);
            case STU -> new StuPad(port, options);
            case EVDEV -> new EvdevPad(port, options);
        };
    }

    /** Creates and opens a pad with default options. */
    public static SignaturePad open(PadProtocol protocol, String port) throws PadException {
        SignaturePad pad = create(protocol, port, PadOptions.defaults());
        pad.open();
        return pad;
    }
}
