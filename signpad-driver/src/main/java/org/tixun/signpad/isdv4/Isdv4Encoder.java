// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.isdv4;

import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** Encodes pen packets and query replies the way an ISDV4 digitizer sends them (for the simulator and tests). */
public final class Isdv4Encoder {

    private Isdv4Encoder() {
    }

    /** Writes the 9-byte pen packet for {@code pen} at {@code off}; values must fit 16/16/10/7/7 bits. */
    public static void pen(DecodedPen pen, byte[] out, int off) {
        check(pen.x(), 0xFFFF, "x");
        check(pen.y(), 0xFFFF, "y");
        check(pen.pressure(), 0x3FF, "pressure");
        check(pen.tiltX(), 0x7F, "tiltX");
        check(pen.tiltY(), 0x7F, "tiltY");
        int b0 = Isdv4.SYNC;
        if (pen.state() != PenState.OUT) {
            b0 |= Isdv4.PROXIMITY;
        }
        if (pen.state() == PenState.CONTACT) {
            b0 |= Isdv4.TIP;
        }
        if ((pen.buttons() & 1) != 0) {
            b0 |= Isdv4.SIDE_BUTTON;
        }
        if ((pen.buttons() & 2) != 0) {
            b0 |= Isdv4.ERASER;
        }
        out[off] = (byte) b0;
        packXyp(pen.x(), pen.y(), pen.pressure(), out, off);
        out[off + 7] = (byte) pen.tiltX();
        out[off + 8] = (byte) pen.tiltY();
    }

    /** Returns the 9-byte pen packet for {@code pen}. */
    public static byte[] pen(DecodedPen pen) {
        byte[] out = new byte[Isdv4.PEN_PACKET_LENGTH];
        pen(pen, out, 0);
        return out;
    }

    /** Returns the 11-byte reply to the {@code *} query. */
    public static byte[] queryReply(Isdv4Capabilities caps) {
        check(caps.maxX(), 0xFFFF, "maxX");
        check(caps.maxY(), 0xFFFF, "maxY");
        check(caps.maxPressure(), 0x3FF, "maxPressure");
        check(caps.firmwareVersion(), 0x3FFF, "firmwareVersion");
        byte[] out = new byte[Isdv4.QUERY_REPLY_LENGTH];
        out[0] = (byte) (Isdv4.SYNC | Isdv4.CONTROL);
        packXyp(caps.maxX(), caps.maxY(), caps.maxPressure(), out, 0);
        out[7] = (byte) (caps.maxTiltX() & 0x7F);
        out[8] = (byte) (caps.maxTiltY() & 0x7F);
        out[9] = (byte) (caps.firmwareVersion() >> 7 & 0x7F);
        out[10] = (byte) (caps.firmwareVersion() & 0x7F);
        return out;
    }

    private static void packXyp(int x, int y, int p, byte[] out, int off) {
        out[off + 1] = (byte) (x >> 9 & 0x7F);
        out[off + 2] = (byte) (x >> 2 & 0x7F);
        out[off + 3] = (byte) (y >> 9 & 0x7F);
        out[off + 4] = (byte) (y >> 2 & 0x7F);
        out[off + 5] = (byte) (p & 0x7F);
        out[off + 6] = (byte) ((x & 0x03) << 5 | (y & 0x03) << 3 | p >> 7 & 0x07);
    }

    private static void check(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside 0.." + max + " for ISDV4");
        }
    }
}
