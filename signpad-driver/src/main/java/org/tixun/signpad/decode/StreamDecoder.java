// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

/** Turns a byte stream in arbitrary chunks into pen reports; never throws on malformed input. */
public interface StreamDecoder {

    /** Decodes {@code len} bytes; complete pen packets go to {@code sink} in order. */
    void feed(byte[] data, int off, int len, PenSink sink);

    /** Discards any partial packet, e.g. after a reconnect (the partial bytes count as dropped). */
    void reset();

    DecodeStats stats();
}
