// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The 16 bytes before the NUT stream of one direction: magic {@code TXAV}, version 1, flags (reserved, 0), 2
 * reserved bytes, then the sender's base time (microseconds since the epoch, big-endian). Every NUT time stamp
 * {@code pts} (microseconds) maps back to the capture time {@code base + pts - PREROLL_MICROS}: this carries capture
 * times of audio (and of video, within a frame period) in-band for any camera. The burned-in {@link FrameStamp}, when
 * present, gives the exact video capture time.
 *
 * @param baseEpochMicros sender's base time
 */
record AvStreamHeader(long baseEpochMicros) {
    static final int SIZE = 16;
    static final int VERSION = 1;
    /** Silent audio sent first (AAC's priming makes the first time stamp negative otherwise); video shifts by it. */
    static final long PREROLL_MICROS = 80_000;

    void write(OutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put((byte) 'T').put((byte) 'X').put((byte) 'A').put((byte) 'V').put((byte) VERSION).put((byte) 0)
                .putShort((short) 0).putLong(baseEpochMicros);
        out.write(b.array());
        out.flush();
    }

    static AvStreamHeader read(InputStream in) throws IOException {
        byte[] a = new byte[SIZE];
        try {
            new DataInputStream(in).readFully(a);
        } catch (EOFException e) {
            throw new EOFException(MediaMessages.of("stream.endedBeforeHeader").bilingual());
        }
        ByteBuffer b = ByteBuffer.wrap(a);
        if (b.get() != 'T' || b.get() != 'X' || b.get() != 'A' || b.get() != 'V') {
            throw new LocalizedIOException(MediaMessages.of("stream.badMagic"));
        }
        int version = b.get();
        if (version != VERSION) {
            throw new LocalizedIOException(MediaMessages.of("stream.version", version));
        }
        b.get();
        b.getShort();
        return new AvStreamHeader(b.getLong());
    }
}
