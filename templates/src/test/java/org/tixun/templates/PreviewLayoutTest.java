// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The live-record preview must look exactly like the final record: same pages, same glyphs at the same places. */
class PreviewLayoutTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    @Test
    void exampleRecordPreviewMatchesFinalLayout() throws Exception {
        assertSameLayout(ExampleData.forKind("INTERROGATION_RECORD").orElseThrow());
    }

    @Test
    void longRecordPreviewMatchesFinalLayout() throws Exception {
        assertSameLayout(ExampleData.longInterrogationRecord(60));
    }

    @Test
    void markedCorrectionsPreviewMatchesFinalLayout() throws Exception {
        DocumentData base = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        List<QaEntry> qa = new ArrayList<>(base.qa());
        qa.add(new QaEntry("你{~~昨天~>前天~~}在哪里？", "我在家{--里--}，{++没有出门++}。"));
        assertSameLayout(base.withQa(qa));
    }

    @Test
    void previewIsNotTheArchivalDocument() throws Exception {
        DocumentTemplate t = template();
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        RenderResult preview = RENDERER.renderPreview(t, data, Lang.ZH);
        try (PDDocument doc = Loader.loadPDF(preview.pdf())) {
            // No PDF/A claim: a preview must never pass for the record.
            assertEquals(null, doc.getDocumentCatalog().getMetadata());
        }
    }

    @Test
    void fastPngDecodesToTheSamePixels() throws Exception {
        RenderResult r = RENDERER.renderPreview(template(), ExampleData.forKind("INTERROGATION_RECORD").orElseThrow(), Lang.ZH);
        BufferedImage page = PageImages.render(r.pdf(), 0, 60f);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PageImages.fastPng(page)));
        assertEquals(page.getWidth(), decoded.getWidth());
        assertEquals(page.getHeight(), decoded.getHeight());
        int dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int p = page.getRGB(x, y) & 0xffffff;
                assertEquals(p, decoded.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
                if (p < 0x808080) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 1000, "the page has text: " + dark);
    }

    private static DocumentTemplate template() {
        return TemplateRegistry.builtIn().find("INTERROGATION_RECORD").orElseThrow();
    }

    private static void assertSameLayout(DocumentData data) throws Exception {
        DocumentTemplate t = template();
        RenderResult full = RENDERER.render(t, data, Lang.ZH);
        RenderResult preview = RENDERER.renderPreview(t, data, Lang.ZH);
        assertEquals(full.pageCount(), preview.pageCount(), "page count");
        assertEquals(full.slots(), preview.slots(), "signature slots");
        List<List<String>> a = glyphs(full.pdf());
        List<List<String>> b = glyphs(preview.pdf());
        assertEquals(a.size(), b.size());
        for (int p = 0; p < a.size(); p++) {
            assertTrue(a.get(p).size() > 10, "page " + (p + 1) + " has text");
            assertEquals(a.get(p), b.get(p), "glyphs and positions on page " + (p + 1));
        }
    }

    /** Every glyph per page as "text@x,y size" (PDF units, 0.01 pt). */
    private static List<List<String>> glyphs(byte[] pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                List<String> out = new ArrayList<>();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition tp : positions) {
                            out.add(String.format("%s@%.2f,%.2f %.2f", tp.getUnicode(), tp.getXDirAdj(), tp.getYDirAdj(),
                                    tp.getFontSizeInPt()));
                        }
                    }
                };
                s.setStartPage(p);
                s.setEndPage(p);
                s.getText(doc);
                pages.add(out);
            }
        }
        return pages;
    }
}
