// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;
import org.tixun.signpad.protocol4.Protocol4;
import org.tixun.signpad.protocol4.Protocol4Decoder;

/** Protocol IV handshake: stop, model (~#), configuration (~R), max coordinates (~C). */
public final class Protocol4Driver implements SerialPadDriver {

    private final int extraPressureBits;

    public Protocol4Driver(int extraPressureBits) {
        this.extraPressureBits = extraPressureBits;
    }

    @Override
    public int[] baudRates() {
        return new int[] {Protocol4.BAUD};
    }

    @Override
    public StreamDecoder decoder() {
        return new Protocol4Decoder(extraPressureBits);
    }

    @Override
    public PadInfo handshake(ByteLink link, int baud, StreamDecoder decoder, PadOptions options) throws IOException {
        Protocol4Decoder d = (Protocol4Decoder) decoder;
        link.write(Protocol4.STOP);
        Replies.sleep(options.stopSettle());
        link.drainInput();
        d.takeReplies();
        String model = ask(link, d, Protocol4.REQUEST_MODEL, "~#", options);
        String config = ask(link, d, Protocol4.REQUEST_CONFIGURATION, "~R", options);
        String coords = ask(link, d, Protocol4.REQUEST_MAX_COORDINATES, "~C", options);
        int[] max = Protocol4Decoder.parseMaxCoordinates(coords);
        if (max == null) {
            throw new IOException("unreadable Protocol IV coordinate reply '" + coords + "'");
        }
        int[] res = Protocol4Decoder.parseResolution(config);
        double perMm = res == null ? 0 : res[0] / 25.4;
        return new PadInfo("Wacom " + model.substring(2).trim(), Transport.SERIAL, link.name() + " @" + baud, max[0],
                max[1], d.maxPressure(), true, false, perMm, Protocol4.NOMINAL_RATE_HZ, 0, 0, false);
    }

    private static String ask(ByteLink link, Protocol4Decoder d, byte[] request, String prefix, PadOptions options)
            throws IOException {
        link.write(request);
        List<String> seen = new ArrayList<>();
        String[] found = new String[1];
        boolean ok = Replies.await(link, d, options.replyTimeout(), () -> {
            for (String r : d.takeReplies()) {
                seen.add(r);
                if (r.startsWith(prefix)) {
                    found[0] = r;
                }
            }
            return found[0] != null;
        });
        if (!ok) {
            // Some tablets (PenPartner) omit the carriage return: take what is buffered.
            String pending = d.takeUnterminatedReply();
            if (pending.startsWith(prefix)) {
                return pending;
            }
            throw new IOException("no Protocol IV reply to " + prefix + " (got " + seen + ")");
        }
        return found[0];
    }

    @Override
    public void start(ByteLink link) throws IOException {
        link.write(Protocol4.START);
    }

    @Override
    public void stop(ByteLink link) throws IOException {
        link.write(Protocol4.STOP);
    }

    @Override
    public double nominalRateHz() {
        return Protocol4.NOMINAL_RATE_HZ;
    }
}
