// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

/**
 * Feature report 0x09: tablet and screen dimensions.
 *
 * @param resolution sensor resolution in lines per inch (2540 on current pads)
 */
public record StuCapability(int maxX, int maxY, int maxPressure, int screenWidth, int screenHeight,
        int maxReportRate, int resolution, int encodingFlag) {

    /** Report length including the id byte. */
    public static final int LENGTH = 15;

    /** Parses the report (byte 0 is the id), or returns null if it is too short or has another id. */
    public static StuCapability parse(byte[] r, int len) {
        if (len < LENGTH || (r[0] & 0xFF) != Stu.REPORT_CAPABILITY) {
            return null;
        }
        return new StuCapability(u16(r, 1), u16(r, 3), u16(r, 5), u16(r, 7), u16(r, 9), r[11] & 0xFF, u16(r, 12),
                r[14] & 0xFF);
    }

    /** Returns the report bytes, id first. */
    public byte[] encode() {
        byte[] r = new byte[LENGTH];
        r[0] = (byte) Stu.REPORT_CAPABILITY;
        put16(r, 1, maxX);
        put16(r, 3, maxY);
        put16(r, 5, maxPressure);
        put16(r, 7, screenWidth);
        put16(r, 9, screenHeight);
        r[11] = (byte) maxReportRate;
        put16(r, 12, resolution);
        r[14] = (byte) encodingFlag;
        return r;
    }

    static int u16(byte[] r, int i) {
        return (r[i] & 0xFF) << 8 | r[i + 1] & 0xFF;
    }

    static void put16(byte[] r, int i, int v) {
        r[i] = (byte) (v >> 8);
        r[i + 1] = (byte) v;
    }
}
