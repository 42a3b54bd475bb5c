// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The document font shipped with the application (Noto Serif SC, SIL OFL 1.1), registered with
 * every render; host fonts are never used.
 */
public final class DocumentFonts {

    /** The CSS font family every layout uses. */
    public static final String FAMILY = "Noto Serif SC";

    static final String RESOURCE = "/fonts/NotoSerifSC-Regular.ttf";

    private static volatile byte[] regular;
    private DocumentFonts() {}

    static void register(PdfRendererBuilder builder) {
        byte[] bytes = regular();
        builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /**
     * Returns the characters of a text that the document font has no glyph for (each once, in order
     * of appearance); line breaks and other control characters are ignored.
     */
    public static String unprintable(String text) {
        CmapLookup lookup = cmap();
        StringBuilder missing = new StringBuilder();
        text.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .filter(cp -> lookup.getGlyphId(cp) == 0)
                .distinct()
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    /**
     * Returns the regular face parsed once for the process (previews). Not thread-safe: callers serialise
     * their use of it.
     */
    static TrueTypeFont parsedRegular() {
        return Parsed.REGULAR;
    }

    /**
     * Returns the regular face parsed once for the process with its GSUB table hidden (the table's tag renamed in a
     * copy of the bytes), for the live record only. PDFBox runs every string it draws with a font that has a GSUB
     * table through its glyph-substitution worker (regular expressions per word), a third of a warm preview's time;
     * the layout does not use GSUB (widths come from hmtx), so positions are unchanged, and Noto Serif SC's
     * substitutions (Latin ligatures and composition) do not apply to the record's Chinese text. Not thread-safe.
     */
    static TrueTypeFont parsedLive() {
        return ParsedLive.FONT;
    }

    /** Parsed on first use (class initialisation is lazy and thread-safe). */
    private static final class Parsed {
        static final TrueTypeFont REGULAR = parse(regular());
    }

    private static final class ParsedLive {
        static final TrueTypeFont FONT = parse(withoutTable(regular(), "GSUB"));
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse document font " + RESOURCE, e);
        }
    }

    /**
     * A copy of a TrueType/OpenType font whose table {@code tag} is renamed to a private tag (lower-case first
     * letter, ignored by parsers), so the font reads as not having it; offsets and checksums stay valid.
     *
     * @throws IllegalArgumentException if the font has no such table
     */
    static byte[] withoutTable(byte[] font, String tag) {
        byte[] copy = font.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(copy);
        int tables = Short.toUnsignedInt(b.getShort(4));
        byte[] want = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (java.util.Arrays.equals(copy, at, at + 4, want, 0, 4)) {
                copy[at] = (byte) Character.toLowerCase(tag.charAt(0));
                copy[at + 1] = 'x';
                return copy;
            }
        }
        throw new IllegalArgumentException("The font has no " + tag + " table");
    }

    private static CmapLookup cmap() {
        return Cmap.LOOKUP;
    }

    /** A font of its own, open for the process: only its cmap is used, read-only. */
    private static final class Cmap {
        static final CmapLookup LOOKUP = lookup();

        private static CmapLookup lookup() {
            try {
                return parse(regular()).getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the character map of " + RESOURCE, e);
            }
        }
    }

    /** Returns the bytes of the regular face, read once from the classpath. */
    static byte[] regular() {
        byte[] bytes = regular;
        if (bytes == null) {
            synchronized (DocumentFonts.class) {
                bytes = regular;
                if (bytes == null) {
                    try (InputStream in = DocumentFonts.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("Document font " + RESOURCE + " is missing from the build");
                        }
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read document font " + RESOURCE, e);
                    }
                    regular = bytes;
                }
            }
        }
        return bytes;
    }
}
