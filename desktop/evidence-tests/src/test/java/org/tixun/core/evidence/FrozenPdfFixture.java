// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureSlot;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.tixun.demo.SampleRecord;

/** Builds frozen PDF/A-3b interrogation records with PDFBox, as the templates module will; used to make fixtures. */
public final class FrozenPdfFixture {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private FrozenPdfFixture() {
    }

    /** Writes the committed sample record: {@code FrozenPdfFixture <out.pdf> [pages]}. */
    public static void main(String[] args) throws IOException {
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Files.write(Path.of(args[0]), build(pages, SampleRecord.slots(pages), "Interrogation record"));
    }

    /** A frozen record of {@code pages} A4 pages with boxes drawn where the slots are. */
    public static byte[] build(int pages, List<SignatureSlot> slots, String title) throws IOException {
        return build(pages, slots, title, false);
    }

    /**
     * A frozen record; with {@code withFields}, revision 0 also carries an empty signature field per slot, as the
     * templates module may render it.
     */
    public static byte[] build(int pages, List<SignatureSlot> slots, String title, boolean withFields)
            throws IOException {
        if (!Files.isReadable(FONT)) {
            throw new IllegalStateException("test font missing: install Debian package fonts-dejavu-core (" + FONT + ")");
        }
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(1_795_000_000_000L);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, FONT.toFile());
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(60, 790);
                    cs.showText(title + " - page " + (p + 1) + " of " + pages);
                    cs.setFont(font, 10.5f);
                    cs.setLeading(16);
                    int lines = p == pages - 1 ? 18 : 40;
                    for (int l = 0; l < lines; l++) {
                        cs.newLine();
                        cs.showText((l % 2 == 0 ? "Q: " : "A: ") + "Line " + (l + 1) + " of page " + (p + 1)
                                + ". Where were you on the evening of 12 March? I was at home with my family.");
                    }
                    cs.endText();
                    cs.setLineWidth(0.5f);
                    cs.setStrokingColor(0.6f, 0.6f, 0.6f);
                    for (SignatureSlot s : slots) {
                        if (s.pageIndex() == p) {
                            cs.addRect(s.x(), s.y(), s.width(), s.height());
                            cs.stroke();
                            cs.beginText();
                            cs.setFont(font, 7);
                            cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                            cs.newLineAtOffset(s.x() + 2, s.y() + s.height() + 2);
                            cs.showText(s.role().en() + " " + s.kind().en());
                            cs.endText();
                        }
                    }
                }
            }
            if (withFields) {
                org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm acro =
                        new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
                doc.getDocumentCatalog().setAcroForm(acro);
                for (SignatureSlot s : slots) {
                    var field = new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(acro);
                    field.setPartialName(s.id());
                    var widget = field.getWidgets().get(0);
                    widget.setRectangle(new PDRectangle(s.x(), s.y(), s.width(), s.height()));
                    PDPage page = doc.getPage(s.pageIndex());
                    widget.setPage(page);
                    widget.setPrinted(true);
                    var empty = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
                    empty.setBBox(new PDRectangle(s.width(), s.height()));
                    var ap = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
                    ap.setNormalAppearance(empty);
                    widget.setAppearance(ap);
                    page.getAnnotations().add(widget);
                    acro.getFields().add(field);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Tixun test fixture");
            info.setCreationDate(created);
            info.setModificationDate(created);
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            org.apache.xmpbox.schema.AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer("Tixun test fixture");
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(3);
            id.setConformance("B");
            ByteArrayOutputStream xmpBytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xmpBytes, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmpBytes.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            COSArray ids = new COSArray();
            byte[] docId = org.tixun.core.pki.Pki.sha256((title + pages).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ids.add(new COSString(java.util.Arrays.copyOf(docId, 16)));
            ids.add(new COSString(java.util.Arrays.copyOf(docId, 16)));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException("XMP serialisation failed", e);
        }
    }
}
