// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import java.util.Locale;

/** The pad protocols the driver speaks, named as on the command line. */
public enum PadProtocol {
    ISDV4("isdv4", "Wacom ISDV4/W8001 serial"),
    PROTOCOL4("protocol4", "Wacom Protocol IV serial"),
    TOPAZ("topaz", "Topaz serial (tip only)"),
    STU("stu", "Wacom STU-430/530/540 USB HID"),
    EVDEV("evdev", "Linux evdev pen");

    private final String cliName;
    private final String description;

    PadProtocol(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Returns the protocol for a command-line name such as {@code isdv4}. */
    public static PadProtocol fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PadProtocol p : values()) {
            if (p.cliName.equals(n) || p.name().toLowerCase(Locale.ROOT).equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "': use isdv4, protocol4, topaz, stu or evdev");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
