// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.protocol4;

import java.util.ArrayList;
import java.util.List;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.SyncFramedDecoder;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

/**
 * Decodes Protocol IV 7-byte stylus packets and the carriage-return-terminated ASCII replies.
 */
public final class Protocol4Decoder extends SyncFramedDecoder {

    // Pressure has 7 + extraPressureBits bits (the kernel's extra_z_bits: 0, 1 or 2)
    // and is sent offset by half its range.

    private static final int MAX_REPLY = 64;

    private final int extraPressureBits;
    private final StringBuilder text = new StringBuilder();
    private final List<String> replies = new ArrayList<>();

    public Protocol4Decoder(int extraPressureBits) {
        if (extraPressureBits < 0 || extraPressureBits > 2) {
            throw new IllegalArgumentException("extra pressure bits must be 0, 1 or 2: " + extraPressureBits);
        }
        this.extraPressureBits = extraPressureBits;
    }

    /** Returns the largest pressure this decoder can report. */
    public int maxPressure() {
        return (1 << (7 + extraPressureBits)) - 1;
    }

    /** Returns and clears the ASCII replies (starting with '~') seen so far. */
    public synchronized List<String> takeReplies() {
        List<String> out = List.copyOf(replies);
        replies.clear();
        return out;
    }

    @Override
    protected int packetLength(int firstByte) {
        return Protocol4.PACKET_LENGTH;
    }

    @Override
    protected void beforeSync() {
        if (text.length() > 0) {
            stats.dropped(text.length());
            text.setLength(0);
        }
    }

    @Override
    protected void stray(int b) {
        if (b == '\r') {
            if (text.length() >= 2 && text.charAt(0) == '~') {
                synchronized (this) {
                    replies.add(text.toString());
                }
                stats.ok();
            } else {
                stats.dropped(text.length() + 1);
            }
            text.setLength(0);
            return;
        }
        if (b == '~' && text.length() > 0) {
            stats.dropped(text.length());
            text.setLength(0);
        }
        if (text.length() >= MAX_REPLY) {
            stats.dropped(text.length());
            text.setLength(0);
        }
        text.append((char) b);
    }

    /** Returns a reply still waiting for its carriage return (some tablets never send one), and clears it. */
    public String takeUnterminatedReply() {
        String s = text.toString();
        text.setLength(0);
        return s;
    }

    @Override
    protected void packet(byte[] d, int len, PenSink sink) {
        int b0 = d[0] & 0xFF;
        int b3 = d[3] & 0xFF;
        if ((b0 & Protocol4.STYLUS) == 0) {
            // Puck (cursor) packets carry no pen data.
            stats.ignored();
            return;
        }
        int x = (b0 & 0x03) << 14 | (d[1] & 0x7F) << 7 | d[2] & 0x7F;
        int y = (b3 & 0x03) << 14 | (d[4] & 0x7F) << 7 | d[5] & 0x7F;
        int buttons = (b3 & 0x78) >> 3;
        boolean proximity = (b0 & Protocol4.PROXIMITY) != 0;
        int pressure = 0;
        if (proximity) {
            int z = d[6] & 0x7F;
            if (extraPressureBits >= 1) {
                z = z << 1 | (b3 & 0x04) >> 2;
            }
            if (extraPressureBits >= 2) {
                z = z << 1 | (b0 & 0x04) >> 2;
            }
            pressure = z ^ (0x40 << extraPressureBits);
        }
        PenState state = !proximity ? PenState.OUT : (buttons & 1) != 0 ? PenState.CONTACT : PenState.HOVER;
        stats.ok();
        sink.pen(new DecodedPen(x, y, pressure, 0, 0, state, buttons >> 1, PenSample.NO_DEVICE_TIME));
    }

    /** Parses a {@code ~C} reply ("~Cmaxx,maxy") into {maxX, maxY}, or null. */
    public static int[] parseMaxCoordinates(String reply) {
        if (!reply.startsWith("~C")) {
            return null;
        }
        String[] parts = reply.substring(2).trim().split(",");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses a {@code ~R} reply ("~Rhex,n,n,resx,resy") into {resX, resY} in lines per inch, or null. */
    public static int[] parseResolution(String reply) {
        if (!reply.startsWith("~R")) {
            return null;
        }
        String[] parts = reply.substring(2).trim().split(",");
        if (parts.length < 5) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[3].trim()), Integer.parseInt(parts[4].trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
