// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.protocol4;

import java.nio.charset.StandardCharsets;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** Encodes Protocol IV stylus packets and ASCII replies as a tablet sends them (for the simulator and tests). */
public final class Protocol4Encoder {

    private final int extraPressureBits;

    public Protocol4Encoder(int extraPressureBits) {
        if (extraPressureBits < 0 || extraPressureBits > 2) {
            throw new IllegalArgumentException("extra pressure bits must be 0, 1 or 2: " + extraPressureBits);
        }
        this.extraPressureBits = extraPressureBits;
    }

    /** Writes the 7-byte stylus packet for {@code pen} at {@code off}. */
    public void pen(DecodedPen pen, byte[] out, int off) {
        int maxPressure = (1 << (7 + extraPressureBits)) - 1;
        check(pen.x(), 0xFFFF, "x");
        check(pen.y(), 0xFFFF, "y");
        check(pen.pressure(), maxPressure, "pressure");
        boolean proximity = pen.state() != PenState.OUT;
        int buttons = (pen.state() == PenState.CONTACT ? 1 : 0) | (pen.buttons() & 0x07) << 1;
        int z = proximity ? pen.pressure() ^ (0x40 << extraPressureBits) : 0;
        int b0 = Protocol4.SYNC | Protocol4.STYLUS | (proximity ? Protocol4.PROXIMITY : 0) | pen.x() >> 14 & 0x03;
        int b3 = (buttons & 0x0F) << 3 | pen.y() >> 14 & 0x03;
        int z7 = z;
        if (extraPressureBits >= 2) {
            b0 |= (z7 & 1) << 2;
            z7 >>= 1;
        }
        if (extraPressureBits >= 1) {
            b3 |= (z7 & 1) << 2;
            z7 >>= 1;
        }
        out[off] = (byte) b0;
        out[off + 1] = (byte) (pen.x() >> 7 & 0x7F);
        out[off + 2] = (byte) (pen.x() & 0x7F);
        out[off + 3] = (byte) b3;
        out[off + 4] = (byte) (pen.y() >> 7 & 0x7F);
        out[off + 5] = (byte) (pen.y() & 0x7F);
        out[off + 6] = (byte) (z7 & 0x7F);
    }

    /** Returns the 7-byte stylus packet for {@code pen}. */
    public byte[] pen(DecodedPen pen) {
        byte[] out = new byte[Protocol4.PACKET_LENGTH];
        pen(pen, out, 0);
        return out;
    }

    /** Returns an ASCII reply terminated by a carriage return, e.g. {@code reply("~C", "15240,15240")}. */
    public static byte[] reply(String prefix, String body) {
        return (prefix + body + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    private static void check(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside 0.." + max + " for Protocol IV");
        }
    }
}
