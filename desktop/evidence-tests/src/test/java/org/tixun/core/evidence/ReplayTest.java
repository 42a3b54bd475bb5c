// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SignatureSlot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.ink.InkLayout;
import org.tixun.core.evidence.ink.PdfInkPainter;
import org.tixun.core.evidence.ink.RasterInk;
import org.tixun.core.evidence.ink.SvgInk;
import org.tixun.core.pki.InstitutionKeyStore;

class ReplayTest {
    private final EvidenceFixtures f = EvidenceFixtures.get();

    @Test
    void decryptedStrokesEqualTheCapturedSamples() throws Exception {
        List<ReplayedSigner> signers = new Replay(f.keys.escrowCredential()).signers(f.sealed.sealedPdf());
        assertThat(signers).extracting(ReplayedSigner::role).containsExactly(SignerRole.SUSPECT,
                SignerRole.APPROPRIATE_ADULT, SignerRole.INTERROGATOR, SignerRole.INTERROGATOR, SignerRole.RECORDER);
        ReplayedSigner suspect = signers.get(0);
        assertThat(suspect.events()).hasSize(41);
        for (ReplayedEvent e : suspect.events()) {
            SignatureEvent original = f.request.events().stream().filter(o -> o.eventId().equals(e.eventId()))
                    .findFirst().orElseThrow();
            assertThat(e.samples()).hasSameSizeAs(original.samples());
            for (int i = 0; i < e.samples().size(); i++) {
                var a = e.samples().get(i);
                var b = original.samples().get(i);
                assertThat(List.of(a.x(), a.y(), a.pressure(), (int) a.tMillis(), a.contact() ? 1 : 0))
                        .isEqualTo(List.of(b.x(), b.y(), b.pressure(), (int) b.tMillis(), b.contact() ? 1 : 0));
            }
        }
        assertThat(suspect.primaryEvent().slotId()).isEqualTo("p20-suspect-sig");
    }

    @Test
    void sealedAppearanceIsDrawnByTheSameRendererAsTheReplay() throws Exception {
        ReplayedEvent event = new Replay(f.keys.escrowCredential()).signer(f.sealed.sealedPdf(), 1).events().stream()
                .filter(e -> e.slotId().equals("p1-suspect-sig")).findFirst().orElseThrow();
        byte[] sealedAppearance = null;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(f.sealed.sealedPdf())))) {
            for (PdfAnnotation a : doc.getPage(1).getAnnotations()) {
                PdfString nm = a.getPdfObject().getAsString(PdfName.NM);
                if (nm != null && nm.toUnicodeString().equals("s1-p1-suspect-sig")) {
                    sealedAppearance = a.getPdfObject().getAsDictionary(PdfName.AP).getAsStream(PdfName.N).getBytes();
                }
            }
        }
        assertThat(sealedAppearance).as("stamp appearance of p1-suspect-sig").isNotNull();
        ByteArrayOutputStream scratch = new ByteArrayOutputStream();
        byte[] replayed;
        try (PdfDocument doc = new PdfDocument(new PdfWriter(scratch))) {
            doc.addNewPage();
            replayed = PdfInkPainter.paint(doc, event.layout()).getPdfObject().getBytes();
        }
        assertThat(new String(sealedAppearance, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(replayed, StandardCharsets.ISO_8859_1)).contains(" l");
    }

    @Test
    void replayRasterOverlapsThePopplerRenderingOfTheSealedInk() throws Exception {
        ReplayedEvent event = new Replay(f.keys.escrowCredential()).signer(f.sealed.sealedPdf(), 3).primaryEvent();
        SignatureSlot slot = f.request.slots().stream().filter(s -> s.id().equals(event.slotId())).findFirst()
                .orElseThrow();
        Path pdf = f.write("replay-raster.pdf", f.sealed.sealedPdf());
        Path png = f.dir.resolve("page");
        int scale = 2;
        Pdfsig.run(List.of("pdftoppm", "-png", "-r", "144", "-f", "20", "-l", "20", "-singlefile", "-x",
                Integer.toString(Math.round(slot.x() * scale)), "-y",
                Integer.toString(Math.round((842 - slot.y() - slot.height()) * scale)), "-W",
                Integer.toString(Math.round(slot.width() * scale)), "-H",
                Integer.toString(Math.round(slot.height() * scale)), pdf.toString(), png.toString()));
        BufferedImage poppler = ImageIO.read(png.resolveSibling("page.png").toFile());
        BufferedImage ours = RasterInk.draw(event.layout(), event.layout().segments(), scale);
        int both = 0;
        int either = 0;
        for (int y = 2; y < Math.min(poppler.getHeight(), ours.getHeight()) - 2; y++) {
            for (int x = 2; x < Math.min(poppler.getWidth(), ours.getWidth()) - 2; x++) {
                boolean a = isInk(poppler.getRGB(x, y));
                boolean b = isInk(ours.getRGB(x, y));
                both += a && b ? 1 : 0;
                either += a || b ? 1 : 0;
            }
        }
        assertThat(either).isGreaterThan(200);
        assertThat((double) both / either).as("ink overlap (IoU)").isGreaterThan(0.6);
    }

    private static boolean isInk(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int b = rgb & 0xFF;
        return b > r + 30 && r < 120;
    }

    @Test
    void svgAndGifRenderingsReplayTheStrokes() throws Exception {
        ReplayedEvent event = new Replay(f.keys.escrowCredential()).signer(f.sealed.sealedPdf(), 2).primaryEvent();
        InkLayout layout = event.layout();
        String svg = new String(SvgInk.render(layout, 1.0), StandardCharsets.UTF_8);
        assertThat(svg.split("<line ", -1)).hasSize(layout.segments().size() + 1);
        assertThat(svg).contains("<set attributeName=\"visibility\"");
        byte[] gif = RasterInk.animatedGif(layout, 2f, 100, 1.0);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            assertThat(frames).isGreaterThan((int) (event.durationMillis() / 100) - 1);
            BufferedImage last = reader.read(frames - 1);
            assertThat(last.getWidth()).isEqualTo(Math.round(layout.boxWidth() * 2));
        }
        Files.write(f.dir.resolve("signer2.svg"), svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrongEscrowKeyCannotReplay() throws Exception {
        InstitutionKeyStore other = InstitutionKeyStore.create(f.dir.resolve("other-escrow.p12"), "o".toCharArray(),
                "别的院");
        assertThatThrownBy(() -> new Replay(other.escrowCredential()).signers(f.sealed.sealedPdf()))
                .hasMessageContaining("escrow key");
    }

    @Test
    void fingerprintImagesDecryptPerEvent() throws Exception {
        java.util.Map<String, byte[]> prints = new Replay(f.keys.escrowCredential()).fingerprints(f.sealed.sealedPdf(), 1);
        assertThat(prints).hasSize(20);
        SignatureEvent withPrint = f.request.events().stream().filter(e -> e.fingerprintPng() != null).findFirst()
                .orElseThrow();
        assertThat(prints.get(withPrint.eventId())).isEqualTo(withPrint.fingerprintPng());
        assertThat(new Replay(f.keys.escrowCredential()).fingerprints(f.sealed.sealedPdf(), 2)).isEmpty();
    }
}
