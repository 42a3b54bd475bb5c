// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders pages of a PDF to images (for the terminal's page-by-page review). */
public final class PageImages {

    private PageImages() {}

    /**
     * Renders one page to an RGB image.
     *
     * @param pdf the PDF bytes
     * @param pageIndex the 0-based page index
     * @param dpi the resolution in dots per inch (72 gives one pixel per point)
     * @throws IOException if the bytes are not a readable PDF
     * @throws IndexOutOfBoundsException if the page does not exist
     */
    public static BufferedImage render(byte[] pdf, int pageIndex, float dpi) throws IOException {
        if (dpi <= 0 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be in (0, 1200], got " + dpi);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (pageIndex < 0 || pageIndex >= doc.getNumberOfPages()) {
                throw new IndexOutOfBoundsException("Page " + pageIndex + " does not exist; the document has "
                        + doc.getNumberOfPages() + " pages");
            }
            return new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }

    /** Renders every page (one load of the document), e.g. for thumbnails. */
    public static java.util.List<BufferedImage> renderAll(byte[] pdf, float dpi) throws IOException {
        if (dpi <= 0 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be in (0, 1200], got " + dpi);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            java.util.List<BufferedImage> out = new java.util.ArrayList<>(doc.getNumberOfPages());
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                out.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return out;
        }
    }

    /**
     * Encodes an image as PNG quickly: no filter, deflate at its fastest level. About twice as fast as
     * {@code ImageIO.write(img, "png", ...)} on a rendered page, at a slightly larger size; any PNG decoder reads it.
     * A {@link BufferedImage#TYPE_BYTE_GRAY} image becomes an 8-bit grey PNG (a third of the data of RGB, e.g. a
     * page rendered with {@code ImageType.GRAY}); any other image an 8-bit RGB PNG.
     */
    public static byte[] fastPng(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean gray = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] line = new byte[1 + (gray ? w : 3 * w)];
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream(w * h / (gray ? 16 : 8));
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat, deflater, 1 << 16)) {
            if (gray) {
                // One byte per pixel: read the raster's samples directly (any layout the raster has).
                java.awt.image.Raster raster = img.getRaster();
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, 0, row);
                    line[0] = 0; // filter: none
                    for (int x = 0; x < w; x++) {
                        line[x + 1] = (byte) row[x];
                    }
                    z.write(line);
                }
            } else {
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    img.getRGB(0, y, w, 1, row, 0, w);
                    line[0] = 0; // filter: none
                    for (int x = 0, i = 1; x < w; x++) {
                        int p = row[x];
                        line[i++] = (byte) (p >>> 16);
                        line[i++] = (byte) (p >>> 8);
                        line[i++] = (byte) p;
                    }
                    z.write(line);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("in-memory deflate failed", e);
        } finally {
            deflater.end();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h)
                .put((byte) 8).put((byte) (gray ? 0 : 2)).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
