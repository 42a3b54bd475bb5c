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
}
