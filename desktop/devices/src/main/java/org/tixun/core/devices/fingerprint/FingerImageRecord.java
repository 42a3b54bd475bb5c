// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * An ISO/IEC 19794-4:2005 finger image record holding one impression, uncompressed 8-bit grey: the 32-byte general
 * header ({@code FIR\0}, version {@code 010\0}, 6-byte record length, capture device id, image acquisition level,
 * one finger, scale in pixels per inch, scan and image resolution, 8 bits, compression 0), one 14-byte finger image
 * header (block length, finger position, one view, view 1, quality, impression type, width, height), then the
 * pixels row by row. All numbers big-endian.
 */
public final class FingerImageRecord {
    /** General record header length. */
    public static final int GENERAL_HEADER = 32;
    /** Finger image header length. */
    public static final int FINGER_HEADER = 14;
    /** Scale units: pixels per inch. */
    public static final int SCALE_PPI = 1;
    /** Image compression algorithm: uncompressed, no bit packing. */
    public static final int UNCOMPRESSED = 0;
    private static final byte[] FORMAT = {'F', 'I', 'R', 0};
    private static final byte[] VERSION = {'0', '1', '0', 0};

    private FingerImageRecord() {
    }

    /** Impression types of the standard that Tixun's readers produce. */
    public enum ImpressionType {
        LIVE_SCAN_PLAIN(0),
        LIVE_SCAN_ROLLED(1),
        SWIPE(8);

        private final int code;

        ImpressionType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static ImpressionType ofCode(int code) {
            for (ImpressionType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unsupported impression type " + code);
        }
    }

    /**
     * The record of one impression.
     *
     * @param image the impression (8-bit grey)
     * @param finger which finger
     * @param quality 0..100 (the quality gate's score)
     * @param type how it was taken
     * @param captureDeviceId vendor-assigned capture device id, 0 if unknown
     */
    public static byte[] write(FingerImage image, FingerPosition finger, int quality, ImpressionType type,
            int captureDeviceId) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100: " + quality);
        }
        long length = (long) GENERAL_HEADER + FINGER_HEADER + image.pixels().length;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(FORMAT);
            out.write(VERSION);
            out.writeShort((int) (length >>> 32));
            out.writeInt((int) length);
            out.writeShort(captureDeviceId & 0xFFFF);
            out.writeShort(acquisitionLevel(image.ppi()));
            out.writeByte(1);
            out.writeByte(SCALE_PPI);
            out.writeShort(image.ppi());
            out.writeShort(image.ppi());
            out.writeShort(image.ppi());
            out.writeShort(image.ppi());
            out.writeByte(8);
            out.writeByte(UNCOMPRESSED);
            out.writeShort(0);
            out.writeInt(FINGER_HEADER + image.pixels().length);
            out.writeByte(finger.code());
            out.writeByte(1);
            out.writeByte(1);
            out.writeByte(quality);
            out.writeByte(type.code());
            out.writeShort(image.width());
            out.writeShort(image.height());
            out.writeByte(0);
            out.write(image.pixels());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Image acquisition level (ISO/IEC 19794-4 Table 1) for 8-bit grey at this resolution: 41 from 1000 ppi, 31 from
     * 500 ppi, 20 from 390 ppi, else 10.
     */
    static int acquisitionLevel(int ppi) {
        if (ppi >= 1000) {
            return 41;
        }
        if (ppi >= 500) {
            return 31;
        }
        return ppi >= 390 ? 20 : 10;
    }

    /**
     * A parsed record.
     *
     * @param image the impression (capture time unknown in the record: {@link Instant#EPOCH})
     * @param finger which finger
     * @param quality 0..100
     * @param type impression type
     * @param captureDeviceId capture device id
     * @param acquisitionLevel image acquisition level
     */
    public record Parsed(FingerImage image, FingerPosition finger, int quality, ImpressionType type,
            int captureDeviceId, int acquisitionLevel) {
    }

    /**
     * Reads a single-view, uncompressed 8-bit record as written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    public static Parsed read(byte[] record) {
        if (record.length < GENERAL_HEADER + FINGER_HEADER) {
            throw new IllegalArgumentException("finger image record too short: " + record.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(record);
        byte[] format = new byte[4];
        b.get(format);
        if (!Arrays.equals(format, FORMAT)) {
            throw new IllegalArgumentException("not an ISO/IEC 19794-4 record: format "
                    + new String(format, StandardCharsets.US_ASCII));
        }
        byte[] version = new byte[4];
        b.get(version);
        if (!Arrays.equals(version, VERSION)) {
            throw new IllegalArgumentException("unsupported version " + new String(version, StandardCharsets.US_ASCII));
        }
        long length = ((long) (b.getShort() & 0xFFFF) << 32) | (b.getInt() & 0xFFFFFFFFL);
        if (length != record.length) {
            throw new IllegalArgumentException("record length field " + length + " but " + record.length + " bytes");
        }
        int device = b.getShort() & 0xFFFF;
        int level = b.getShort() & 0xFFFF;
        int count = b.get() & 0xFF;
        int scale = b.get() & 0xFF;
        int scanH = b.getShort() & 0xFFFF;
        int scanV = b.getShort() & 0xFFFF;
        int imgH = b.getShort() & 0xFFFF;
        int imgV = b.getShort() & 0xFFFF;
        int depth = b.get() & 0xFF;
        int compression = b.get() & 0xFF;
        b.getShort();
        if (count != 1 || scale != SCALE_PPI || depth != 8 || compression != UNCOMPRESSED) {
            throw new IllegalArgumentException("only single-finger, ppi, 8-bit, uncompressed records are read (fingers "
                    + count + ", scale " + scale + ", depth " + depth + ", compression " + compression + ")");
        }
        if (scanH != scanV || imgH != imgV || scanH != imgH) {
            throw new IllegalArgumentException("unequal resolutions " + scanH + "/" + scanV + "/" + imgH + "/" + imgV);
        }
        long block = b.getInt() & 0xFFFFFFFFL;
        int finger = b.get() & 0xFF;
        int views = b.get() & 0xFF;
        int view = b.get() & 0xFF;
        int quality = b.get() & 0xFF;
        int type = b.get() & 0xFF;
        int width = b.getShort() & 0xFFFF;
        int height = b.getShort() & 0xFFFF;
        b.get();
        if (views != 1 || view != 1) {
            throw new IllegalArgumentException("expected one view, got view " + view + " of " + views);
        }
        if (block != FINGER_HEADER + (long) width * height || block != record.length - GENERAL_HEADER) {
            throw new IllegalArgumentException("finger data block length " + block + " does not match " + width + "x"
                    + height);
        }
        byte[] pixels = new byte[width * height];
        b.get(pixels);
        return new Parsed(new FingerImage(pixels, width, height, imgH, Instant.EPOCH), FingerPosition.ofCode(finger),
                quality, ImpressionType.ofCode(type), device, level);
    }
}
