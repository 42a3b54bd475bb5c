// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * Reads and writes frames: a 20-byte big-endian header (magic {@code "TX"}, version, type, channel, flags, two
 * reserved bytes, 64-bit sequence number, 32-bit payload length) followed by the payload.
 */
public final class FrameCodec {
    /** Header length in bytes. */
    public static final int HEADER = 20;
    /** The wire format version in every header. */
    public static final int VERSION = 1;
    /** Default payload limit: 32 MiB, room for a signature event with photos or a page set. */
    public static final int DEFAULT_MAX_PAYLOAD = 32 * 1024 * 1024;
    private static final int MAGIC = 0x5458;
    private static final int FLAG_RELIABLE = 1;

    private final int maxPayload;

    public FrameCodec(int maxPayload) {
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("max payload must be positive");
        }
        this.maxPayload = maxPayload;
    }

    /** The payload limit. */
    public int maxPayload() {
        return maxPayload;
    }

    /** Encodes a frame to bytes (header + payload). */
    public byte[] encode(Frame frame) {
        if (frame.payload().length > maxPayload) {
            throw new LocalizedArgumentException(SessionMessages.of("frame.tooLarge", frame.payload().length, maxPayload));
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + frame.payload().length);
        b.putShort((short) MAGIC);
        b.put((byte) VERSION);
        b.put((byte) frame.type().code());
        b.put((byte) frame.channel());
        b.put((byte) (frame.type().reliable() ? FLAG_RELIABLE : 0));
        b.putShort((short) 0);
        b.putLong(frame.seq());
        b.putInt(frame.payload().length);
        b.put(frame.payload());
        return b.array();
    }

    /** Writes one frame (not flushed). */
    public void write(OutputStream out, Frame frame) throws IOException {
        out.write(encode(frame));
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException if the stream ended cleanly between frames
     * @throws FrameException if the bytes are not a valid frame (the connection must be dropped)
     */
    public Frame read(InputStream in) throws IOException {
        byte[] header = new byte[HEADER];
        int first = in.read();
        if (first < 0) {
            throw new EOFException(SessionMessages.of("frame.closed").bilingual());
        }
        header[0] = (byte) first;
        readFully(in, header, 1, HEADER - 1, "header");
        ByteBuffer b = ByteBuffer.wrap(header);
        int magic = b.getShort() & 0xffff;
        if (magic != MAGIC) {
            throw new FrameException(SessionMessages.of("frame.notTixun", String.format("0x%04x", magic)));
        }
        int version = b.get() & 0xff;
        if (version != VERSION) {
            throw new FrameException(SessionMessages.of("frame.version", version));
        }
        int typeCode = b.get() & 0xff;
        MessageType type = MessageType.ofCode(typeCode);
        int channel = b.get() & 0xff;
        int flags = b.get() & 0xff;
        b.getShort();
        long seq = b.getLong();
        long length = b.getInt() & 0xffffffffL;
        if (length > maxPayload) {
            throw new FrameException(SessionMessages.of("frame.tooLarge", length, maxPayload));
        }
        if (type == null) {
            throw new FrameException(SessionMessages.of("frame.unknownType", typeCode));
        }
        if (((flags & FLAG_RELIABLE) != 0) != type.reliable() || type.reliable() != (seq > 0)) {
            throw new FrameException(SessionMessages.of("frame.sequenceForType", type.name(), seq));
        }
        byte[] payload = new byte[(int) length];
        readFully(in, payload, 0, payload.length, "payload");
        return new Frame(type, channel, seq, payload);
    }

    private static void readFully(InputStream in, byte[] buf, int off, int len, String part) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(buf, off + done, len - done);
            if (n < 0) {
                throw new FrameException(SessionMessages.of("frame.truncated", part, done, len));
            }
            done += n;
        }
    }
}
