// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;
import org.tixun.signpad.topaz.Topaz;
import org.tixun.signpad.topaz.TopazDecoder;

/** Topaz pads have no query and stream on their own: the handshake only opens the line. */
public final class TopazDriver implements SerialPadDriver {

    @Override
    public int[] baudRates() {
        return new int[] {Topaz.BAUD};
    }

    @Override
    public StreamDecoder decoder() {
        return new TopazDecoder();
    }

    @Override
    public PadInfo handshake(ByteLink link, int baud, StreamDecoder decoder, PadOptions options) throws IOException {
        return new PadInfo("Topaz serial (tip only, no pressure; calibrate the active area)", Transport.SERIAL,
                link.name() + " @" + baud, Topaz.MAX_COORDINATE, Topaz.MAX_COORDINATE, 1, false, false, 0,
                Topaz.NOMINAL_RATE_HZ, 0, 0, false);
    }

    @Override
    public void start(ByteLink link) {
        // Topaz pads send whenever the pen is near; there is no start command.
    }

    @Override
    public void stop(ByteLink link) {
        // No stop command either: the host simply ignores input.
    }

    @Override
    public double nominalRateHz() {
        return Topaz.NOMINAL_RATE_HZ;
    }
}
