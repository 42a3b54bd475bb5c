// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.IntStream;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.w3c.dom.Document;

/**
 * Renders validated data with a template to a deterministic PDF/A-3b document and locates its
 * signature slots.
 *
 * <p>Slot positions are exported, not turned into form fields: sealing signs once per signer (one
 * revision covering all of that signer's slots) and adds that signer's field then, so revision 0
 * carries no empty per-slot fields that would stay unsigned (docs/decisions/0005).
 *
 * <p>Everything that a PDF writer would take from the clock is taken from the data instead: the
 * document dates come from the manifest's date field (China Standard Time), the trailer /ID from a
 * SHA-256 of kind, language and data. The same input therefore gives the same bytes.
 */
public final class DocumentRenderer {

    /** The producer written into the PDF metadata. */
    public static final String PRODUCER = "Tixun document templates";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentRenderer.class);

    static {
        Slf4jXRLogger.install();
    }

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final byte[] SRGB = srgbProfile();
    private static final String BASE_CSS = TemplateRegistry.readResource("/org/tixun/templates/base.css")
            .orElseThrow(() -> new IllegalStateException("base.css is missing from the build"));
    /** The mark of a demo record, on every page (issue 13: demo records are visibly not evidence). */
    static final String DEMO_MARK = "演示 · 非正式证据  DEMO · NOT EVIDENCE";
    private static final String DEMO_CSS = "\n@page { @top-center { content: \"" + DEMO_MARK + "\"; color: #c00000;"
            + " font-family: 'Noto Serif SC';"
            + " font-size: 15pt; vertical-align: middle; } }\n";

    private final String css;
    private final boolean demoMark;

    /** A renderer of records. */
    public DocumentRenderer() {
        this(false);
    }

    /**
     * A renderer whose documents carry {@link #DEMO_MARK} at the top of every page: for the demo's records only, which
     * must never pass for evidence.
     */
    public DocumentRenderer(boolean demoMark) {
        this.demoMark = demoMark;
        this.css = demoMark ? BASE_CSS + DEMO_CSS : BASE_CSS;
    }

    /** Whether this renderer marks its documents as demo records. */
    public boolean demoMark() {
        return demoMark;
    }

    /**
     * Validates the data and renders it.
     *
     * @throws InvalidDataException listing every problem of the data
     */
    public RenderResult render(DocumentTemplate template, DocumentData data, Lang lang) throws InvalidDataException {
        template.validate(data);
        data = template.normalise(data);
        SlotRecorder recorder = new SlotRecorder(template.manifest());
        PdfRendererBuilder builder = builder(template, data, lang, recorder);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
        builder.useColorProfile(SRGB);
        builder.withProducer(PRODUCER);
        DocumentFonts.register(builder);
        return layOut(template, data, lang, builder, recorder, null, true);
    }

    /**
     * Validates the data and renders a preview for the live record (同屏): the same layout, font, page
     * breaks and text positions as {@link #render}, but not PDF/A (no output intent, XMP metadata or
     * document dates) and with the font parsed once per process instead of per render. The bytes are for
     * display only, never to be frozen or signed.
     *
     * @throws InvalidDataException listing every problem of the data
     */
    public RenderResult renderPreview(DocumentTemplate template, DocumentData data, Lang lang) throws InvalidDataException {
        template.validate(data, false);
        data = template.normalise(data);
        SlotRecorder recorder = new SlotRecorder(template.manifest());
        PdfRendererBuilder builder = builder(template, data, lang, recorder);
        synchronized (PREVIEW_LOCK) {
            PDDocument doc = displayDocument(builder, DocumentFonts.parsedRegular());
            return layOut(template, data, lang, builder, recorder, doc, false);
        }
    }

    /** The parsed fonts are shared and not thread-safe (glyph tables are read lazily): one display render at a time. */
    private static final Object PREVIEW_LOCK = new Object();

    /** A new document for a display-only render, with the process's parsed {@code font} as the document font. */
    private static PDDocument displayDocument(PdfRendererBuilder builder, org.apache.fontbox.ttf.TrueTypeFont font) {
        PDDocument doc = new PDDocument();
        try {
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, font, true)), DocumentFonts.FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            return doc;
        } catch (IOException e) {
            closeQuietly(doc, e);
            throw new IllegalStateException("Cannot load the document font for a display render", e);
        }
    }

    /**
     * The live record's page (同屏): lays out the record like {@link #renderPreview} and returns a PDF holding only
     * the page where entry {@code cursorEntry}'s question or answer ends (found from the layout, not by searching the
     * text), or the last page, and where on it that paragraph ends (for the terminal to scroll to). The font is the
     * document font with its GSUB table hidden ({@link DocumentFonts#parsedLive}): same glyph positions, a third less
     * time per render. Display only.
     *
     * @param cursorEntry the 0-based Q&amp;A entry being typed, or -1 for the last page
     * @param cursorInAnswer whether the cursor is in that entry's answer (else its question)
     * @throws InvalidDataException listing every problem of the data
     */
    public LivePage renderLive(DocumentTemplate template, DocumentData data, Lang lang, int cursorEntry,
            boolean cursorInAnswer) throws InvalidDataException {
        template.validate(data, false);
        data = template.normalise(data);
        SlotRecorder recorder = new SlotRecorder(template.manifest());
        PdfRendererBuilder builder = builder(LayoutFiller.fill(template, data, lang, css, true), recorder);
        synchronized (PREVIEW_LOCK) {
            PDDocument doc = displayDocument(builder, DocumentFonts.parsedLive());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                int count = doc.getNumberOfPages();
                int page = count - 1;
                double cursorY = -1;
                if (cursorEntry >= 0) {
                    var found = renderer.findPagePositionsByID(java.util.regex.Pattern.compile(
                            "^" + java.util.regex.Pattern.quote(LayoutFiller.liveId(cursorEntry, cursorInAnswer)) + "$"));
                    if (!found.isEmpty()) {
                        var at = found.get(found.size() - 1);
                        page = Math.min(count - 1, at.getPageNo());
                        // The position's y is the paragraph's bottom, in points from the page's bottom.
                        float height = doc.getPage(page).getMediaBox().getHeight();
                        cursorY = Math.max(0, Math.min(1, 1 - at.getY() / height));
                    }
                }
                for (int i = count - 1; i >= 0; i--) {
                    if (i != page) {
                        doc.removePage(i);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
                doc.save(out);
                return new LivePage(out.toByteArray(), page, count, cursorY);
            } catch (IOException e) {
                throw new IllegalStateException("Rendering the live page of " + template.kind() + " failed", e);
            } finally {
                try {
                    doc.close();
                } catch (IOException e) {
                    LOG.warn("closing a live preview document failed: {}", e.toString());
                }
            }
        }
    }

    private static void closeQuietly(PDDocument doc, Exception cause) {
        try {
            doc.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private PdfRendererBuilder builder(DocumentTemplate template, DocumentData data, Lang lang, SlotRecorder recorder) {
        return builder(LayoutFiller.fill(template, data, lang, css), recorder);
    }

    private static PdfRendererBuilder builder(Document xhtml, SlotRecorder recorder) {
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(TemplateLoader.SIGNATURE_TYPE, recorder);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useObjectDrawerFactory(drawers);
        // Layouts are self-contained: nothing is fetched from the network or the file system.
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withW3cDocument(xhtml, "about:blank");
        return builder;
    }

    private RenderResult layOut(DocumentTemplate template, DocumentData data, Lang lang, PdfRendererBuilder builder,
            SlotRecorder recorder, PDDocument own, boolean archival) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        int pageCount;
        List<SlotPosition> slots;
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            pageCount = pdf.getNumberOfPages();
            List<SlotPosition> placed = new ArrayList<>(recorder.positions());
            placed.addAll(correctionSlots(template, renderer, pdf));
            slots = placed.stream()
                    .sorted(Comparator.comparingInt(SlotPosition::pageIndex))
                    .toList();
            checkSlots(template, data, slots, pageCount);
            if (archival) {
                fixMetadata(pdf, template, data, lang);
            }
            pdf.save(out);
        } catch (IOException e) {
            throw new IllegalStateException("Rendering " + template.kind() + " failed", e);
        } finally {
            if (own != null) {
                try {
                    own.close();
                } catch (IOException e) {
                    LOG.warn("closing a preview document failed: {}", e.toString());
                }
            }
        }
        byte[] bytes = out.toByteArray();
        return new RenderResult(bytes, pageCount, slots, sha256Hex(bytes));
    }

    /** Side of the square box beside a correction, in points (about 14 mm: room for a fingertip's impression). */
    static final float CORRECTION_BOX = 40f;

    /**
     * DOMAIN.md rule 7: the slots placed beside corrections, one per marked correction in document order, in the page
     * margin at the height of the line where the correction ends (right margin, or left when the right one is taken
     * there; a box never overlaps another). Empty when the template has no such slot or the record no correction.
     */
    private static List<SlotPosition> correctionSlots(DocumentTemplate template, PdfBoxRenderer renderer,
            PDDocument pdf) {
        List<SlotPosition> out = new ArrayList<>();
        List<SignatureSlot> beside = template.manifest().slots().stream()
                .filter(s -> s.placement() == SlotPlacement.BESIDE_CORRECTIONS).toList();
        if (beside.isEmpty()) {
            return out;
        }
        var found = renderer.findPagePositionsByID(java.util.regex.Pattern.compile(
                "^" + java.util.regex.Pattern.quote(LayoutFiller.CORRECTION_ID_PREFIX) + "\\d+$"));
        // One position per correction: the last box of its span (a span may break across lines and pages).
        java.util.TreeMap<Integer, float[]> ends = new java.util.TreeMap<>();
        for (var at : found) {
            int n = Integer.parseInt(at.getId().substring(LayoutFiller.CORRECTION_ID_PREFIX.length()));
            float[] prev = ends.get(n);
            if (prev == null || at.getPageNo() > prev[0] || (at.getPageNo() == prev[0] && at.getY() < prev[1])) {
                ends.put(n, new float[] {at.getPageNo(), at.getY()});
            }
        }
        // Two columns, the right margin first and the left one for crowded lines; each box as close to its line as the
        // boxes already placed in that column allow (never overlapping them).
        float[][] lowest = new float[pdf.getNumberOfPages()][2];
        for (float[] column : lowest) {
            java.util.Arrays.fill(column, Float.MAX_VALUE);
        }
        for (float[] end : ends.values()) {
            int page = (int) end[0];
            var box = pdf.getPage(page).getMediaBox();
            float wanted = Math.max(0, Math.min(end[1] - CORRECTION_BOX / 4, box.getHeight() - CORRECTION_BOX));
            int best = -1;
            float bestY = 0;
            for (int c = 0; c < 2; c++) {
                float y = Math.max(0, Math.min(wanted, lowest[page][c] - CORRECTION_BOX - 2));
                if (best < 0 || Math.abs(y - wanted) < Math.abs(bestY - wanted)) {
                    best = c;
                    bestY = y;
                }
            }
            lowest[page][best] = bestY;
            float x = best == 0 ? box.getWidth() - CORRECTION_BOX - 8 : 8;
            for (SignatureSlot slot : beside) {
                out.add(new SlotPosition(page, slot.id(), slot.role(), slot.placement(), x, bestY, CORRECTION_BOX,
                        CORRECTION_BOX, false, slot.fingerprint()));
            }
        }
        return out;
    }

    /** Fails loudly if the layout did not place a slot where its manifest says. */
    private static void checkSlots(DocumentTemplate template, DocumentData data, List<SlotPosition> slots, int pageCount) {
        for (SignatureSlot slot : template.manifest().slots()) {
            if (slot.placement() == SlotPlacement.BESIDE_CORRECTIONS
                    || (slot.condition() != null && !truthy(data.value(slot.condition())))) {
                continue;
            }
            List<Integer> pages = slots.stream().filter(p -> p.slotId().equals(slot.id())).map(SlotPosition::pageIndex).toList();
            List<Integer> expected = slot.placement() == SlotPlacement.EVERY_PAGE
                    ? IntStream.range(0, pageCount).boxed().toList()
                    : List.of(pageCount - 1);
            if (!pages.equals(expected)) {
                throw new IllegalStateException("Layout of " + template.kind() + " (" + template.source() + ") placed slot '"
                        + slot.id() + "' on pages " + pages + " but its placement " + slot.placement() + " needs " + expected);
            }
        }
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : !ValueFormatter.isBlank(value);
    }

    private static void fixMetadata(PDDocument pdf, DocumentTemplate template, DocumentData data, Lang lang) throws IOException {
        FieldSpec dateField = template.manifest().field(template.manifest().dateField()).orElseThrow();
        String raw = data.value(dateField.name()).toString();
        LocalDateTime time = dateField.type() == FieldType.DATE
                ? ValueFormatter.parseDate(raw).atStartOfDay()
                : ValueFormatter.parseDateTime(raw);
        Calendar date = GregorianCalendar.from(time.atZone(CHINA));
        date.setTimeZone(TimeZone.getTimeZone(CHINA));
        String title = template.title(lang);

        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.setDocumentInformation(info);

        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(3);
            pdfaid.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addLanguage(lang == Lang.ZH ? "zh-CN" : "en");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(date);
            basic.setModifyDate(date);
            basic.setMetadataDate(date);
            AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
            adobe.setProducer(PRODUCER);
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(pdf);
            metadata.importXMPMetadata(xml.toByteArray());
            pdf.getDocumentCatalog().setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IOException("Cannot write XMP metadata", e);
        }

        // PDFBox passes the profile through ICC_Profile, which rewrites the header on some JDKs:
        // store exactly our bytes.
        for (PDOutputIntent intent : pdf.getDocumentCatalog().getOutputIntents()) {
            try (OutputStream out = intent.getDestOutputIntent().createOutputStream(COSName.FLATE_DECODE)) {
                out.write(SRGB);
            }
        }

        byte[] id = Arrays.copyOf(sha256(template.kind() + "\n" + lang.code() + "\n" + data.toJson()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * Returns the JDK's sRGB profile for the PDF/A output intent, with the header's primary-platform
     * field (bytes 40-43) cleared: JDK builds differ only there ("APPL" in Debian's OpenJDK 17, "MSFT"
     * in Temurin 25), which would otherwise change the bytes of a re-rendered frozen record.
     */
    static byte[] srgbProfile() {
        byte[] data = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData().clone();
        Arrays.fill(data, 40, 44, (byte) 0);
        return data;
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Returns the lower-case hex SHA-256 of some bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
