// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
