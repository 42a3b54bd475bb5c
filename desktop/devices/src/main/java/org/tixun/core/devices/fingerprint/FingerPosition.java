// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Bilingual;
import org.tixun.core.i18n.Message;

/** Finger position codes of ISO/IEC 19794-4 (Table 2 of the 2005 edition), named through the devices bundle. */
public enum FingerPosition implements Bilingual {
    UNKNOWN(0),
    RIGHT_THUMB(1),
    RIGHT_INDEX(2),
    RIGHT_MIDDLE(3),
    RIGHT_RING(4),
    RIGHT_LITTLE(5),
    LEFT_THUMB(6),
    LEFT_INDEX(7),
    LEFT_MIDDLE(8),
    LEFT_RING(9),
    LEFT_LITTLE(10);

    private final int code;

    FingerPosition(int code) {
        this.code = code;
    }

    /** The code written into the record. */
    public int code() {
        return code;
    }

    /** The finger's name as a message ({@code enum.FingerPosition.<NAME>}). */
    public Message label() {
        return DeviceMessages.of("enum.FingerPosition." + name());
    }

    @Override
    public String zh() {
        return label().chinese();
    }

    @Override
    public String en() {
        return label().english();
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
