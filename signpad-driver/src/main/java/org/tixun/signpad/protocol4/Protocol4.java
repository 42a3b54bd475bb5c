// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.protocol4;

import java.nio.charset.StandardCharsets;

/** Constants of the Wacom Protocol IV serial protocol (layout checked against Linux wacom_serial4.c). */
public final class Protocol4 {

    public static final int PACKET_LENGTH = 7;
    public static final int BAUD = 9600;
    public static final int NOMINAL_RATE_HZ = 100;
    /** Pressure bits beyond 7 on the Digitizer II and most tablets (the kernel default extra_z_bits). */
    public static final int DEFAULT_EXTRA_PRESSURE_BITS = 1;

    public static final byte[] REQUEST_MODEL = ascii("~#");
    public static final byte[] REQUEST_CONFIGURATION = ascii("~R\r");
    public static final byte[] REQUEST_MAX_COORDINATES = ascii("~C\r");
    public static final byte[] START = ascii("ST\r");
    public static final byte[] STOP = ascii("SP\r");

    static final int SYNC = 0x80;
    static final int PROXIMITY = 0x40;
    static final int STYLUS = 0x20;

    private Protocol4() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
