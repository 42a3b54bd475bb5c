// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The preamble of a media connection (decision 0007: a second TLS connection to the terminal's port). The control
 * link's frames start with {@code TX}; a media connection starts with {@code TM}, so the terminal's acceptor tells
 * them apart from the first two bytes. All integers big-endian.
 *
 * <pre>
 * workstation → terminal:  'T' 'M'  version(1)  reserved(0)  idLength(1..100)  sessionId (ASCII [A-Za-z0-9_.-])
 * terminal → workstation:  'T' 'M'  version(1)  status(0 accepted, 1 refused)  length(2)  message (UTF-8)
 * </pre>
 *
 * After an accepted answer each side writes its {@link AvStreamHeader} and NUT stream on its output direction.
 *
 * @param sessionId the session the media belongs to; must be the terminal's current session
 */
public record MediaHello(String sessionId) {
    /** First byte of the preamble. */
    public static final int MAGIC0 = 'T';
    /** Second byte of the preamble ('X' would be a control frame). */
    public static final int MAGIC1 = 'M';
    /** Preamble version. */
    public static final int VERSION = 1;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public MediaHello {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("invalid session id: " + sessionId);
        }
    }

    /** Whether the first two bytes of a connection are a media preamble. */
    public static boolean isMedia(int b0, int b1) {
        return b0 == MAGIC0 && b1 == MAGIC1;
    }

    /** Writes the request (and flushes). */
    public void write(OutputStream out) throws IOException {
        byte[] id = sessionId.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[5 + id.length];
        b[0] = (byte) MAGIC0;
        b[1] = (byte) MAGIC1;
        b[2] = (byte) VERSION;
        b[3] = 0;
        b[4] = (byte) id.length;
        System.arraycopy(id, 0, b, 5, id.length);
        out.write(b);
        out.flush();
    }

    /**
     * Reads a request, magic included.
     *
     * @throws IOException with a sentence if it is not a valid media preamble of this version
     */
    public static MediaHello read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            int m0 = d.readUnsignedByte();
            int m1 = d.readUnsignedByte();
            if (!isMedia(m0, m1)) {
                throw new LocalizedIOException(MediaMessages.of("hello.notMedia"));
            }
            int version = d.readUnsignedByte();
            if (version != VERSION) {
                throw new LocalizedIOException(MediaMessages.of("hello.version", version));
            }
            d.readUnsignedByte();
            int n = d.readUnsignedByte();
            byte[] id = new byte[n];
            d.readFully(id);
            try {
                return new MediaHello(new String(id, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new LocalizedIOException(MediaMessages.of("hello.badSessionId"), e);
            }
        } catch (EOFException e) {
            throw new LocalizedIOException(MediaMessages.of("hello.endedEarly"), e);
        }
    }

    /** Writes the answer: {@code refusal} null accepts, else it is the sentence refusing (and flushes). */
    public static void writeAnswer(OutputStream out, String refusal) throws IOException {
        byte[] msg = refusal == null ? new byte[0] : refusal.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(msg.length, 65_535);
        byte[] b = new byte[6 + len];
        b[0] = (byte) MAGIC0;
        b[1] = (byte) MAGIC1;
        b[2] = (byte) VERSION;
        b[3] = (byte) (refusal == null ? 0 : 1);
        b[4] = (byte) (len >>> 8);
        b[5] = (byte) len;
        System.arraycopy(msg, 0, b, 6, len);
        out.write(b);
        out.flush();
    }

    /**
     * Reads the answer without reading past it (the peer's media stream follows).
     *
     * @return null if accepted, else the terminal's sentence
     */
    public static String readAnswer(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            int m0 = d.readUnsignedByte();
            int m1 = d.readUnsignedByte();
            int version = d.readUnsignedByte();
            if (!isMedia(m0, m1) || version != VERSION) {
                throw new LocalizedIOException(MediaMessages.of("hello.badAnswer"));
            }
            int status = d.readUnsignedByte();
            byte[] msg = new byte[d.readUnsignedShort()];
            d.readFully(msg);
            if (status == 0) {
                return null;
            }
            String s = new String(msg, StandardCharsets.UTF_8);
            return s.isEmpty() ? MediaMessages.of("hello.refused").bilingual() : s;
        } catch (EOFException e) {
            throw new LocalizedIOException(MediaMessages.of("hello.closedBeforeAnswer"), e);
        }
    }
}
