// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test helpers: rendering the shipped examples once per kind and language, and reading PDFs back. */
final class Pdfs {

    private static final Map<String, RenderResult> EXAMPLES = new ConcurrentHashMap<>();
    private static final TemplateRegistry BUILT_IN = TemplateRegistry.builtIn();

    private Pdfs() {}

    static TemplateRegistry builtIn() {
        return BUILT_IN;
    }

    /** Renders (once) the shipped example of a kind in a language. */
    static RenderResult example(String kind, Lang lang) {
        return EXAMPLES.computeIfAbsent(kind + "/" + lang, k -> {
            try {
                return new DocumentRenderer().render(BUILT_IN.require(kind), ExampleData.forKind(kind).orElseThrow(), lang);
            } catch (UnknownKindException | InvalidDataException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Extracts the text of a PDF with PDFBox. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Fast-mode rendering paints decorated spans (the underlined fill-ins) in a separate pass,
            // so content-stream order is not reading order.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    /** Removes all white space, so wrapped lines compare equal to the original text. */
    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Describes every font used on any page that is not embedded or has no ToUnicode map. */
    static List<String> fontProblems(byte[] pdf) throws IOException {
        List<String> problems = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (!font.isEmbedded()) {
                        problems.add(font.getName() + " is not embedded");
                    }
                    if (font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) == null) {
                        problems.add(font.getName() + " has no ToUnicode map");
                    }
                }
            }
        }
        return problems;
    }

    /** Returns the names of all fonts used on any page. */
    static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names.stream().distinct().toList();
    }
}
