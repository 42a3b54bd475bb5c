// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import org.tixun.signpad.AbstractSignaturePad;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PadInfo;

/** A pad on a serial port or pty, speaking one {@link SerialPadDriver} protocol, with baud auto-detection. */
public final class SerialSignaturePad extends AbstractSignaturePad {

    private final SerialPadDriver driver;
    private final StreamDecoder decoder;
    private final LinkOpener opener;
    private volatile ByteLink link;
    private volatile boolean streaming;

    /** Opens links; replaced in tests that emulate a device at a given speed. */
    @FunctionalInterface
    public interface LinkOpener {
        ByteLink open(String port, int baud, int readTimeoutMs) throws PadException;
    }

    public SerialSignaturePad(String port, SerialPadDriver driver, PadOptions options) {
        this(port, driver, options, SerialLink::open);
    }

    public SerialSignaturePad(String port, SerialPadDriver driver, PadOptions options, LinkOpener opener) {
        super(port, options);
        this.driver = driver;
        this.decoder = driver.decoder();
        this.opener = opener;
    }

    @Override
    protected PadInfo connect() throws IOException {
        int[] rates = options.baudRate() > 0 ? new int[] {options.baudRate()} : driver.baudRates();
        ByteLink l = opener.open(port, rates[0], options.readTimeoutMs());
        StringBuilder tried = new StringBuilder();
        try {
            for (int baud : rates) {
                l.setBaudRate(baud);
                try {
                    PadInfo info = driver.handshake(l, baud, decoder, options);
                    decoder.reset();
                    link = l;
                    return info;
                } catch (PadException e) {
                    throw e;
                } catch (IOException e) {
                    if (tried.length() > 0) {
                        tried.append("; ");
                    }
                    tried.append(e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            l.close();
            throw e;
        }
        l.close();
        throw new PadException("no answer from the pad on " + port + " (" + tried
                + "): check the protocol, that the pad is powered, and the cable");
    }

    @Override
    protected int readChunk(byte[] buffer) throws IOException {
        ByteLink l = link;
        if (l == null) {
            throw new IOException("not connected");
        }
        return l.read(buffer, 0, buffer.length);
    }

    @Override
    protected void decode(byte[] buffer, int length, long arrivalNanos, PenSink sink) {
        decoder.feed(buffer, 0, length, sink);
    }

    @Override
    protected void sendStart() throws IOException {
        driver.start(link);
        streaming = true;
    }

    @Override
    protected void sendStop() throws IOException {
        driver.stop(link);
        streaming = false;
    }

    /** Returns whether the pad was last told to stream. */
    public boolean streaming() {
        return streaming;
    }

    @Override
    protected void disconnect() {
        ByteLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
        decoder.reset();
    }

    @Override
    protected DecodeCounts counts() {
        return decoder.stats().snapshot();
    }

    @Override
    protected double nominalRateHz() {
        return driver.nominalRateHz();
    }
}
