// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

/**
 * Frames serial packets whose first byte alone has bit 7 set, resynchronising on that bit.
 */
public abstract class SyncFramedDecoder implements StreamDecoder {

    // A sync byte that arrives before the current packet is complete ends it as garbled; bytes
    // without the sync bit outside a packet are handed to #stray(int) (noise by default).

    /** Length value meaning "skip the packet until the next sync byte and count it as ignored". */
    protected static final int SKIP_TO_NEXT_SYNC = -1;

    private static final int MAX_PACKET = 64;

    protected final DecodeStats stats = new DecodeStats();
    private final byte[] packet = new byte[MAX_PACKET];
    private int length;
    private int expected;

    /** Returns the packet length announced by a sync byte, or {@link #SKIP_TO_NEXT_SYNC}. */
    protected abstract int packetLength(int firstByte);

    /** Decodes one complete packet of the announced length. */
    protected abstract void packet(byte[] data, int len, PenSink sink);

    /** Handles a byte without the sync bit that is not part of a packet; default: count as noise. */
    protected void stray(int b) {
        stats.dropped(1);
    }

    /** Called before a new packet starts, so subclasses can flush partial text replies. */
    protected void beforeSync() {
    }

    @Override
    public final void feed(byte[] data, int off, int len, PenSink sink) {
        for (int i = off, end = off + len; i < end; i++) {
            int b = data[i] & 0xFF;
            if ((b & 0x80) != 0) {
                endPartialPacket();
                beforeSync();
                packet[0] = (byte) b;
                length = 1;
                expected = packetLength(b);
                if (expected == 1) {
                    length = 0;
                    packet(packet, 1, sink);
                }
            } else if (length == 0) {
                stray(b);
            } else if (expected == SKIP_TO_NEXT_SYNC) {
                length++;
            } else {
                packet[length++] = (byte) b;
                if (length == expected) {
                    length = 0;
                    packet(packet, expected, sink);
                }
            }
        }
    }

    private void endPartialPacket() {
        if (length == 0) {
            return;
        }
        if (expected == SKIP_TO_NEXT_SYNC) {
            stats.ignored();
        } else {
            stats.garbled(length);
        }
        length = 0;
    }

    @Override
    public void reset() {
        if (length > 0 && expected != SKIP_TO_NEXT_SYNC) {
            stats.garbled(length);
        }
        length = 0;
    }

    @Override
    public final DecodeStats stats() {
        return stats;
    }
}
