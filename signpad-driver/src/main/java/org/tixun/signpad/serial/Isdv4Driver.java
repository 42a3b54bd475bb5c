// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.isdv4.Isdv4;
import org.tixun.signpad.isdv4.Isdv4Capabilities;
import org.tixun.signpad.isdv4.Isdv4Decoder;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;

/** ISDV4 handshake: stop, settle, flush, query; 38400 then 19200 baud. */
public final class Isdv4Driver implements SerialPadDriver {

    @Override
    public int[] baudRates() {
        return Isdv4.BAUD_RATES.clone();
    }

    @Override
    public StreamDecoder decoder() {
        return new Isdv4Decoder();
    }

    @Override
    public PadInfo handshake(ByteLink link, int baud, StreamDecoder decoder, PadOptions options) throws IOException {
        Isdv4Decoder d = (Isdv4Decoder) decoder;
        link.write(new byte[] {Isdv4.CMD_STOP});
        Replies.sleep(options.stopSettle());
        link.drainInput();
        d.limits(null);
        link.write(new byte[] {Isdv4.CMD_QUERY});
        if (!Replies.await(link, d, options.replyTimeout(), () -> d.capabilities() != null)) {
            throw new IOException("no ISDV4 query reply at " + baud + " baud");
        }
        Isdv4Capabilities caps = d.capabilities();
        boolean tilt = caps.maxTiltX() > 0 && caps.maxTiltY() > 0;
        // The kernel (wacom_w8001.c) assumes 100 units per mm; the query does not report resolution.
        return new PadInfo("ISDV4 firmware " + caps.firmwareVersion(), Transport.SERIAL, link.name() + " @" + baud,
                caps.maxX(), caps.maxY(), caps.maxPressure(), caps.maxPressure() > 0, tilt, 100.0,
                Isdv4.NOMINAL_RATE_HZ, 0, 0, false);
    }

    @Override
    public void start(ByteLink link) throws IOException {
        link.write(new byte[] {Isdv4.CMD_START});
    }

    @Override
    public void stop(ByteLink link) throws IOException {
        link.write(new byte[] {Isdv4.CMD_STOP});
    }

    @Override
    public double nominalRateHz() {
        return Isdv4.NOMINAL_RATE_HZ;
    }
}
