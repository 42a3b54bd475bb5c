// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.topaz;

import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.SyncFramedDecoder;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

/** Decodes 5-byte Topaz packets; pressure is reported as 1 in contact and 0 otherwise. */
public final class TopazDecoder extends SyncFramedDecoder {

    @Override
    protected int packetLength(int firstByte) {
        return Topaz.PACKET_LENGTH;
    }

    @Override
    protected void packet(byte[] d, int len, PenSink sink) {
        int b0 = d[0] & 0xFF;
        if ((d[2] & 0x60) != 0 || (d[4] & 0x60) != 0) {
            // Bits 6..5 of the high coordinate bytes are always clear: anything else is line noise.
            stats.garbled(len);
            return;
        }
        int x = d[1] & 0x7F | (d[2] & 0x1F) << 7;
        int y = d[3] & 0x7F | (d[4] & 0x1F) << 7;
        PenState state = (b0 & Topaz.PROXIMITY) == 0 ? PenState.OUT
                : (b0 & Topaz.TIP) != 0 ? PenState.CONTACT : PenState.HOVER;
        stats.ok();
        sink.pen(new DecodedPen(x, y, state == PenState.CONTACT ? 1 : 0, 0, 0, state, 0, PenSample.NO_DEVICE_TIME));
    }
}
