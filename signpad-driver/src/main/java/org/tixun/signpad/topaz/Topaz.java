// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.topaz;

/** Constants of the Topaz serial tablet protocol (after waxbee topaz_serial.cpp; tip only, no pressure). */
public final class Topaz {

    public static final int PACKET_LENGTH = 5;
    public static final int BAUD = 19200;
    public static final int MAX_COORDINATE = 0xFFF;
    public static final int NOMINAL_RATE_HZ = 120;

    static final int SYNC = 0x80;
    static final int PROXIMITY = 0x40;
    static final int TIP = 0x01;

    private Topaz() {
    }
}
