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
    void livePageIsTheFinalRecordsPageAtTheCursor() throws Exception {
        DocumentTemplate t = template();
        DocumentData base = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        List<QaEntry> qa = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            QaEntry e = base.qa().get(i % base.qa().size());
            // Each question and answer ends in a marker found nowhere else.
            qa.add(new QaEntry(e.q() + "〔问" + i + "〕", e.a() + e.a().repeat(i % 3) + "〔答" + i + "〕"));
        }
        DocumentData data = base.withQa(qa);
        RenderResult full = RENDERER.render(t, data, Lang.ZH);
        List<List<String>> finalGlyphs = glyphs(full.pdf());
        for (int entry : new int[] {0, 17, 31, 59, -1}) {
            for (boolean answer : new boolean[] {false, true}) {
                LivePage live = RENDERER.renderLive(t, data, Lang.ZH, entry, answer);
                assertEquals(full.pageCount(), live.pageCount(), "page count");
                int expected = entry < 0 ? full.pageCount() - 1
                        : lastPageWith(finalGlyphs, "〔" + (answer ? "答" : "问") + entry + "〕");
                assertEquals(expected, live.pageIndex(), "page of entry " + entry + (answer ? " answer" : " question"));
                List<List<String>> liveGlyphs = glyphs(live.pdf());
                assertEquals(1, liveGlyphs.size(), "only the cursor page is in the live PDF");
                if (entry >= 0) {
                    // The marker ends the paragraph: its baseline lies within a line above the reported bottom.
                    String marker = "〔" + (answer ? "答" : "问") + entry + "〕";
                    double baseline = baselineOf(liveGlyphs.get(0), marker) / 841.89;
                    assertTrue(live.cursorY() >= baseline && live.cursorY() - baseline < 0.04,
                            marker + ": cursorY " + live.cursorY() + " vs baseline " + baseline);
                } else {
                    assertEquals(-1, live.cursorY());
                }
                assertEquals(finalGlyphs.get(expected), liveGlyphs.get(0), "glyphs and positions on page " + (expected + 1));
            }
        }
        assertTrue(lastPageWith(finalGlyphs, "〔答31〕") > 0 && lastPageWith(finalGlyphs, "〔答31〕") < full.pageCount() - 1,
                "the middle entry is on a middle page");
    }

    @Test
    void livePageWithLatinLigaturesKeepsTheFinalLines() throws Exception {
        // The final record draws Latin ligatures (GSUB); the live font has none. Page and line breaks, each line's
        // start and text stay the same; within a line, glyphs after a ligature sit up to a point or two further right.
        DocumentData base = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        List<QaEntry> qa = new ArrayList<>(base.qa());
        qa.add(new QaEntry("Office file: fluffy affidavit, ffi?", "Offline; 第2号 filing office (fl/fi/ff)。"
                + "这是一段较长的回答，用来换行。".repeat(6)));
        DocumentData data = base.withQa(qa);
        RenderResult full = RENDERER.render(template(), data, Lang.ZH);
        LivePage live = RENDERER.renderLive(template(), data, Lang.ZH, qa.size() - 1, true);
        assertEquals(lastPageWith(glyphs(full.pdf()), "换行。"), live.pageIndex());
        List<String> finalPage = glyphs(full.pdf()).get(live.pageIndex());
        assertTrue(finalPage.stream().anyMatch(g -> g.startsWith("\uFB03@")), "the final record has an ffi ligature");
        assertEquals(lines(finalPage), lines(glyphs(live.pdf()).get(0)));
    }

    /** Lines of a page as "y x0 text" with ligatures decomposed (NFKC). */
    private static List<String> lines(List<String> glyphs) {
        java.util.Map<String, StringBuilder> text = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> start = new java.util.HashMap<>();
        for (String g : glyphs) {
            int at = g.lastIndexOf('@');
            String[] xy = g.substring(at + 1).split("[, ]");
            String key = xy[1] + " " + xy[2];
            start.putIfAbsent(key, xy[0]);
            text.computeIfAbsent(key, k -> new StringBuilder()).append(g, 0, at);
        }
        List<String> out = new ArrayList<>();
        text.forEach((k, v) -> out.add(k + " " + start.get(k) + " "
                + java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC)));
        return out;
    }

    @Test
    void fontWithoutTableHidesOnlyThatTable() {
        byte[] font = DocumentFonts.regular();
        byte[] hidden = DocumentFonts.withoutTable(font, "GSUB");
        assertEquals(font.length, hidden.length);
        int differing = 0;
        for (int i = 0; i < font.length; i++) {
            if (font[i] != hidden[i]) {
                differing++;
            }
        }
        assertEquals(2, differing, "two bytes of one tag change");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DocumentFonts.withoutTable(hidden, "GSUB"));
    }

    /** The y (from the top, pt) of the last glyph of {@code text}'s last occurrence on a page. */
    private static double baselineOf(List<String> page, String text) {
        double y = -1;
        for (int i = 0; i + text.length() <= page.size(); i++) {
            boolean match = true;
            for (int k = 0; k < text.length() && match; k++) {
                match = page.get(i + k).startsWith(text.charAt(k) + "@");
            }
            if (match) {
                String g = page.get(i + text.length() - 1);
                y = Double.parseDouble(g.substring(g.lastIndexOf('@') + 1).split("[, ]")[1]);
            }
        }
        if (y < 0) {
            throw new AssertionError("not on the page: " + text);
        }
        return y;
    }

    /** The last page (0-based) whose text holds {@code marker}. */
    private static int lastPageWith(List<List<String>> pages, String marker) {
        int found = -1;
        for (int p = 0; p < pages.size(); p++) {
            StringBuilder sb = new StringBuilder();
            pages.get(p).forEach(g -> sb.append(g, 0, g.lastIndexOf('@')));
            if (sb.toString().contains(marker)) {
                found = p;
            }
        }
        if (found < 0) {
            throw new AssertionError("not found: " + marker);
        }
        return found;
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
        assertPngRoundTrip(PageImages.render(r.pdf(), 0, 60f));
    }

    @Test
    void fastGrayPngDecodesToTheSamePixels() throws Exception {
        LivePage live = RENDERER.renderLive(template(), ExampleData.forKind("INTERROGATION_RECORD").orElseThrow(),
                Lang.ZH, 0, true);
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(live.pdf())) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60f,
                    org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.getType());
        assertPngRoundTrip(page);
    }

    /** The fast PNG of a rendered page decodes (ImageIO) to exactly its pixels, and the page has text. */
    private static void assertPngRoundTrip(BufferedImage page) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PageImages.fastPng(page)));
        assertEquals(page.getWidth(), decoded.getWidth());
        assertEquals(page.getHeight(), decoded.getHeight());
        assertEquals(page.getColorModel().getNumComponents(), decoded.getColorModel().getNumComponents(), "channels");
        int dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int p = page.getRGB(x, y) & 0xffffff;
                assertEquals(p, decoded.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
                if ((p & 0xff) < 0xc0) {
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
