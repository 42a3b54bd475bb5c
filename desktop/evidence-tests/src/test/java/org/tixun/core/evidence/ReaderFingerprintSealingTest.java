// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SlotKind;

/**
 * A fingerprint taken on a reader is sealed as the reader gave it: its ISO/IEC 19794-4 record only encrypted to the
 * escrow key (decrypted back byte for byte, named {@code .fir}), and its red impression as the picture the page
 * shows in the slot (an image, where a fingerprint without a reader picture shows the vector marker).
 */
class ReaderFingerprintSealingTest {
    private static EvidenceFixtures f;
    private static SealRequest request;
    private static SealResult sealed;
    private static SignatureEvent withReader;
    private static byte[] record;

    @BeforeAll
    static void seal() throws Exception {
        f = EvidenceFixtures.get();
        // An ISO/IEC 19794-4 general header begins "FIR\0" "010\0"; the sealer stores the record as it is.
        record = new byte[64];
        byte[] header = {'F', 'I', 'R', 0, '0', '1', '0', 0};
        System.arraycopy(header, 0, record, 0, header.length);
        for (int i = 8; i < record.length; i++) {
            record[i] = (byte) (i * 7);
        }
        List<SignatureEvent> events = new ArrayList<>();
        for (SignatureEvent e : f.request.events()) {
            if (withReader == null && e.fingerprintPng() != null) {
                e = new SignatureEvent(e.eventId(), e.signer(), e.slotId(), e.samples(), redImpression(),
                        e.photoAtPenDownJpeg(), e.photoAtCompletionJpeg(), record, e.times(), e.device(),
                        e.frozenContentSha256(), e.recording());
                withReader = e;
            }
            events.add(e);
        }
        request = new SealRequest(f.request.recordId(), f.request.kind(), f.request.frozenPdf(), f.request.slots(),
                events, f.request.participants(), f.request.refusals());
        sealed = new Sealer(f.keys, f.tsaClient).seal(request);
    }

    private static byte[] redImpression() throws Exception {
        BufferedImage img = new BufferedImage(60, 80, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setColor(new Color(0xC8, 0x16, 0x1E));
        for (int r = 4; r < 30; r += 4) {
            g.drawOval(30 - r, 40 - r, 2 * r, 2 * r);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void theRecordIsSealedEncryptedAndDecryptsBackExactly() throws Exception {
        Map<String, byte[]> prints = new Replay(f.keys.escrowCredential()).fingerprints(sealed.sealedPdf(), 1);
        assertThat(prints.get(withReader.eventId())).isEqualTo(record);
        assertThat(new String(sealed.sealedPdf(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("never in the clear").doesNotContain(new String(record, 0, 24,
                        java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(new Verifier(List.of(f.keys.rootCertificate())).verify("r.pdf", sealed.sealedPdf()).ok()).isTrue();
    }

    @Test
    void thePageShowsTheRedImpressionInItsSlot() throws Exception {
        SignatureSlot slot = request.slots().stream().filter(s -> s.id().equals(withReader.slotId())).findFirst()
                .orElseThrow();
        assertThat(slot.kind()).isEqualTo(SlotKind.FINGERPRINT);
        try (PDDocument doc = Loader.loadPDF(sealed.sealedPdf())) {
            boolean image = false;
            for (PDAnnotation a : doc.getPage(slot.pageIndex()).getAnnotations()) {
                var rect = a.getRectangle();
                if (a.getAppearance() == null || Math.abs(rect.getLowerLeftX() - slot.x()) > 1
                        || Math.abs(rect.getLowerLeftY() - slot.y()) > 1) {
                    continue;
                }
                image |= hasImage(a.getAppearance().getNormalAppearance().getAppearanceStream().getResources(), 0);
            }
            assertThat(image).as("an image in the appearance of slot %s", slot.id()).isTrue();
        }
    }

    private static boolean hasImage(PDResources resources, int depth) throws Exception {
        if (resources == null || depth > 4) {
            return false;
        }
        for (var name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject || (x instanceof PDFormXObject form && hasImage(form.getResources(),
                    depth + 1))) {
                return true;
            }
        }
        return false;
    }
}
