// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Optional;

/**
 * A machine-readable stamp burned into the top of a picture: 3 rows of 40 square black/white blocks (block side =
 * width / 40, i.e. 16 px at 640×480, 32 px at 1280×720) carrying an 8-bit sync pattern, the 64-bit capture time
 * (microseconds since the epoch), the 32-bit frame number and a CRC-16/CCITT over both. Blocks of 16 px and more are
 * whole H.264 macroblocks of flat colour; they survive libx264 ultrafast/zerolatency at any sane bit rate. The reader
 * averages the inner half of each block and thresholds at mid-grey, then checks sync and CRC, so a damaged stamp
 * reads as absent, never as a wrong time.
 *
 * @param captureEpochMicros capture time, microseconds since the epoch
 * @param sequence frame number (low 32 bits)
 */
public record FrameStamp(long captureEpochMicros, long sequence) {
    /** Blocks per row. */
    public static final int COLUMNS = 40;
    /** Rows of blocks. */
    public static final int ROWS = 3;
    private static final int SYNC = 0b1011_0010;
    private static final int BITS = 8 + 64 + 32 + 16;

    /** Block side for a picture width. */
    public static int blockSize(int width) {
        return width / COLUMNS;
    }

    /** Height of the stamp band at the top of a picture of this width. */
    public static int bandHeight(int width) {
        return blockSize(width) * ROWS;
    }

    /** Burns this stamp into the top band of a {@link BufferedImage#TYPE_3BYTE_BGR} picture. */
    public void burnInto(BufferedImage image) {
        requireBgr(image);
        int w = image.getWidth();
        int b = blockSize(w);
        if (b < 4 || image.getHeight() < b * ROWS) {
            throw new IllegalArgumentException("picture too small for a stamp: " + w + "x" + image.getHeight());
        }
        boolean[] bits = bits();
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < BITS; i++) {
            byte v = bits[i] ? (byte) 255 : (byte) 0;
            int x0 = (i % COLUMNS) * b;
            int y0 = (i / COLUMNS) * b;
            for (int y = y0; y < y0 + b; y++) {
                int row = (y * w + x0) * 3;
                java.util.Arrays.fill(px, row, row + b * 3, v);
            }
        }
    }

    /** Reads the stamp from a {@link BufferedImage#TYPE_3BYTE_BGR} picture, or empty if absent or damaged. */
    public static Optional<FrameStamp> read(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return Optional.empty();
        }
        int w = image.getWidth();
        int b = blockSize(w);
        if (b < 4 || image.getHeight() < b * ROWS) {
            return Optional.empty();
        }
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        boolean[] bits = new boolean[BITS];
        int q = b / 4;
        for (int i = 0; i < BITS; i++) {
            int x0 = (i % COLUMNS) * b;
            int y0 = (i / COLUMNS) * b;
            long sum = 0;
            int n = 0;
            for (int y = y0 + q; y < y0 + b - q; y++) {
                int row = (y * w + x0 + q) * 3;
                for (int k = 0; k < (b - 2 * q) * 3; k++) {
                    sum += px[row + k] & 0xff;
                    n++;
                }
            }
            bits[i] = sum > 128L * n;
        }
        if (take(bits, 0, 8) != SYNC) {
            return Optional.empty();
        }
        long time = take(bits, 8, 64);
        long seq = take(bits, 72, 32);
        int crc = (int) take(bits, 104, 16);
        if (crc != crc16(time, seq)) {
            return Optional.empty();
        }
        return Optional.of(new FrameStamp(time, seq));
    }

    private boolean[] bits() {
        boolean[] bits = new boolean[BITS];
        put(bits, 0, 8, SYNC);
        put(bits, 8, 64, captureEpochMicros);
        put(bits, 72, 32, sequence & 0xffff_ffffL);
        put(bits, 104, 16, crc16(captureEpochMicros, sequence & 0xffff_ffffL));
        return bits;
    }

    private static void put(boolean[] bits, int at, int n, long v) {
        for (int i = 0; i < n; i++) {
            bits[at + i] = ((v >>> (n - 1 - i)) & 1) != 0;
        }
    }

    private static long take(boolean[] bits, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | (bits[at + i] ? 1 : 0);
        }
        return v;
    }

    static int crc16(long time, long seq) {
        int crc = 0xffff;
        for (int i = 0; i < 12; i++) {
            int b = i < 8 ? (int) (time >>> (56 - 8 * i)) & 0xff : (int) (seq >>> (24 - 8 * (i - 8))) & 0xff;
            crc ^= b << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
            }
        }
        return crc;
    }

    static void requireBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected TYPE_3BYTE_BGR, got type " + image.getType());
        }
    }
}
