// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.topaz;

import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** Encodes 5-byte Topaz packets (for the simulator and tests); pressure is not transmitted. */
public final class TopazEncoder {

    private TopazEncoder() {
    }

    /** Writes the packet for {@code pen} at {@code off}; x and y must fit 12 bits. */
    public static void pen(DecodedPen pen, byte[] out, int off) {
        if (pen.x() < 0 || pen.x() > Topaz.MAX_COORDINATE || pen.y() < 0 || pen.y() > Topaz.MAX_COORDINATE) {
            throw new IllegalArgumentException("Topaz coordinates are 12 bits: " + pen.x() + "," + pen.y());
        }
        int b0 = Topaz.SYNC;
        if (pen.state() != PenState.OUT) {
            b0 |= Topaz.PROXIMITY;
        }
        if (pen.state() == PenState.CONTACT) {
            b0 |= Topaz.TIP;
        }
        out[off] = (byte) b0;
        out[off + 1] = (byte) (pen.x() & 0x7F);
        out[off + 2] = (byte) (pen.x() >> 7 & 0x1F);
        out[off + 3] = (byte) (pen.y() & 0x7F);
        out[off + 4] = (byte) (pen.y() >> 7 & 0x1F);
    }

    /** Returns the packet for {@code pen}. */
    public static byte[] pen(DecodedPen pen) {
        byte[] out = new byte[Topaz.PACKET_LENGTH];
        pen(pen, out, 0);
        return out;
    }
}
