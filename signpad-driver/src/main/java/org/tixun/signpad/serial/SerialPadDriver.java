// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.PadInfo;

/** What differs between serial pad protocols: line speeds, handshake, start/stop commands and the decoder. */
public interface SerialPadDriver {

    /** Returns the line speeds to try, in order. */
    int[] baudRates();

    /** Returns a fresh decoder (one per pad). */
    StreamDecoder decoder();

    /**
     * Queries the pad over {@code link} (already at {@code baud}) and returns its description.
     *
     * @throws IOException if the pad does not answer at this speed
     */
    PadInfo handshake(ByteLink link, int baud, StreamDecoder decoder, PadOptions options) throws IOException;

    void start(ByteLink link) throws IOException;

    void stop(ByteLink link) throws IOException;

    double nominalRateHz();
}
