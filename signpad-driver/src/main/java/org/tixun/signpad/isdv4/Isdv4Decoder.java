// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.isdv4;

import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.SyncFramedDecoder;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

/** Decodes ISDV4 pen packets and query replies; touch packets are skipped and counted as ignored. */
public final class Isdv4Decoder extends SyncFramedDecoder {

    private volatile Isdv4Capabilities capabilities;

    /** Returns the last query reply seen, or null. */
    public Isdv4Capabilities capabilities() {
        return capabilities;
    }

    /** Makes packets outside these maxima count as garbled (used once the query reply is known). */
    public void limits(Isdv4Capabilities caps) {
        this.capabilities = caps;
    }

    @Override
    protected int packetLength(int b0) {
        if ((b0 & Isdv4.CONTROL) != 0) {
            return Isdv4.QUERY_REPLY_LENGTH;
        }
        if ((b0 & Isdv4.TOUCH) != 0) {
            // Touch packets are 5, 7 or 13 bytes depending on the sensor; we only want the pen.
            return SKIP_TO_NEXT_SYNC;
        }
        return Isdv4.PEN_PACKET_LENGTH;
    }

    @Override
    protected void packet(byte[] d, int len, PenSink sink) {
        int x = hi7(d[1]) << 9 | hi7(d[2]) << 2 | (d[6] >> 5) & 0x03;
        int y = hi7(d[3]) << 9 | hi7(d[4]) << 2 | (d[6] >> 3) & 0x03;
        int p = hi7(d[5]) | (d[6] & 0x07) << 7;
        if (len == Isdv4.QUERY_REPLY_LENGTH) {
            capabilities = new Isdv4Capabilities(x, y, p, hi7(d[7]), hi7(d[8]), hi7(d[9]) << 7 | hi7(d[10]));
            stats.ok();
            return;
        }
        Isdv4Capabilities caps = capabilities;
        if (caps != null && (x > caps.maxX() || y > caps.maxY() || p > caps.maxPressure())) {
            stats.garbled(len);
            return;
        }
        int b0 = d[0];
        PenState state;
        if ((b0 & Isdv4.PROXIMITY) == 0) {
            state = PenState.OUT;
        } else if ((b0 & Isdv4.TIP) != 0) {
            state = PenState.CONTACT;
        } else {
            state = PenState.HOVER;
        }
        int buttons = ((b0 & Isdv4.SIDE_BUTTON) != 0 ? 1 : 0) | ((b0 & Isdv4.ERASER) != 0 ? 2 : 0);
        stats.ok();
        sink.pen(new DecodedPen(x, y, p, hi7(d[7]), hi7(d[8]), state, buttons, PenSample.NO_DEVICE_TIME));
    }

    private static int hi7(byte b) {
        return b & 0x7F;
    }
}
