// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.util.Objects;

/**
 * One impression as the reader delivered it: 8-bit grey, one byte per pixel, row by row from the top left, ridges
 * dark (0 black, 255 white).
 *
 * @param pixels {@code width * height} bytes
 * @param width pixels per row
 * @param height rows
 * @param ppi resolution in pixels per inch (500 for GA/T 626 live scanners)
 * @param capturedAt when the reader delivered it
 */
public record FingerImage(byte[] pixels, int width, int height, int ppi, Instant capturedAt) {
    public FingerImage {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (width <= 0 || height <= 0 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("image size must be 1..65535 each way: " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " grey bytes for " + width + "x" + height
                    + ", got " + pixels.length);
        }
        if (ppi <= 0 || ppi > 0xFFFF) {
            throw new IllegalArgumentException("resolution must be 1..65535 ppi: " + ppi);
        }
    }

    /** Grey value 0..255 at a pixel. */
    public int grey(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** Pixels per millimetre. */
    public double ppmm() {
        return ppi / 25.4;
    }

    /** A copy as a {@link BufferedImage#TYPE_BYTE_GRAY} picture. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, dst, 0, pixels.length);
        return img;
    }

    /** The grey pixels of a picture (any type, converted to grey). */
    public static FingerImage of(BufferedImage picture, int ppi, Instant capturedAt) {
        BufferedImage grey = picture;
        if (picture.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = grey.createGraphics();
            g.drawImage(picture, 0, 0, null);
            g.dispose();
        }
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        return new FingerImage(src.clone(), grey.getWidth(), grey.getHeight(), ppi, capturedAt);
    }
}
