// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import java.nio.charset.StandardCharsets;

/** Feature report 0x08: model name and firmware version. */
public record StuInformation(String modelName, int firmwareMajor, int firmwareMinor) {

    /** Report length including the id byte. */
    public static final int LENGTH = 17;
    private static final int NAME_LENGTH = 9;

    /** Parses the report (byte 0 is the id), or returns null if it is too short or has another id. */
    public static StuInformation parse(byte[] r, int len) {
        if (len < 12 || (r[0] & 0xFF) != Stu.REPORT_INFORMATION) {
            return null;
        }
        int end = 1;
        while (end < 1 + NAME_LENGTH && r[end] != 0) {
            end++;
        }
        String name = new String(r, 1, end - 1, StandardCharsets.US_ASCII);
        return new StuInformation(name, r[10] & 0xFF, r[11] & 0xFF);
    }

    /** Returns the report bytes, id first. */
    public byte[] encode() {
        byte[] r = new byte[LENGTH];
        r[0] = (byte) Stu.REPORT_INFORMATION;
        byte[] name = modelName.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, r, 1, Math.min(name.length, NAME_LENGTH));
        r[10] = (byte) firmwareMajor;
        r[11] = (byte) firmwareMinor;
        return r;
    }
}
