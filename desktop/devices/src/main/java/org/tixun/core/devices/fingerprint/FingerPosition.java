// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

/** Finger position codes of ISO/IEC 19794-4 (Table 2 of the 2005 edition), with the Chinese names. */
public enum FingerPosition {
    UNKNOWN(0, "未知手指", "unknown finger"),
    RIGHT_THUMB(1, "右手拇指", "right thumb"),
    RIGHT_INDEX(2, "右手食指", "right index finger"),
    RIGHT_MIDDLE(3, "右手中指", "right middle finger"),
    RIGHT_RING(4, "右手环指", "right ring finger"),
    RIGHT_LITTLE(5, "右手小指", "right little finger"),
    LEFT_THUMB(6, "左手拇指", "left thumb"),
    LEFT_INDEX(7, "左手食指", "left index finger"),
    LEFT_MIDDLE(8, "左手中指", "left middle finger"),
    LEFT_RING(9, "左手环指", "left ring finger"),
    LEFT_LITTLE(10, "左手小指", "left little finger");

    private final int code;
    private final String zh;
    private final String en;

    FingerPosition(int code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    /** The code written into the record. */
    public int code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The position with this code. */
    public static FingerPosition ofCode(int code) {
        for (FingerPosition p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("finger position code must be 0..10: " + code);
    }
}
