// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.isdv4;

/** Constants of the Wacom ISDV4/W8001 serial protocol (layouts checked against Linux wacom_w8001.c and isdv4.h). */
public final class Isdv4 {

    /** Host command: stop sending packets. */
    public static final byte CMD_STOP = '0';
    /** Host command: start sending packets. */
    public static final byte CMD_START = '1';
    /** Host command: query pen capabilities (11-byte reply). */
    public static final byte CMD_QUERY = '*';
    /** Host command: query touch capabilities. */
    public static final byte CMD_TOUCH_QUERY = '%';
    /** Host command: reset. */
    public static final byte CMD_RESET = '&';

    public static final int PEN_PACKET_LENGTH = 9;
    public static final int QUERY_REPLY_LENGTH = 11;

    static final int SYNC = 0x80;
    static final int CONTROL = 0x40;
    static final int TOUCH = 0x10;
    static final int PROXIMITY = 0x20;
    static final int ERASER = 0x04;
    static final int SIDE_BUTTON = 0x02;
    static final int TIP = 0x01;

    /** Baud rates tried in order when auto-detecting: newer digitizers first. */
    public static final int[] BAUD_RATES = {38400, 19200};

    /** About 426 packets/s fit through 38400 baud 8N1 with 9-byte packets; pads send at most this. */
    public static final int NOMINAL_RATE_HZ = 200;

    private Isdv4() {
    }
}
