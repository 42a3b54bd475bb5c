// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.DocumentKind;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.pki.Pki;

/**
 * A sample interrogation record for the demo, the benchmark and the tests: the committed frozen PDF/A-3b
 * ({@code sample-record-20p.pdf}, A4, 20 pages), its slot layout and synthetic signature events.
 */
public final class SampleRecord {
    /** Resource holding the 20-page frozen sample record. */
    public static final String RESOURCE = "/org/tixun/demo/sample-record-20p.pdf";
    /** Pad used for the synthetic events. */
    public static final DeviceInfo PAD = new DeviceInfo("Tixun", "SimPad-1", "SIM-0001", "1.0", 2000, 800, 1023, 200);

    public static final SignerIdentity SUSPECT = new SignerIdentity("张三", SignerRole.SUSPECT, "110101199001011234");
    public static final SignerIdentity ADULT = new SignerIdentity("李四", SignerRole.APPROPRIATE_ADULT, "110101197001011111");
    public static final SignerIdentity INTERROGATOR_1 = new SignerIdentity("王五", SignerRole.INTERROGATOR, "P-1001");
    public static final SignerIdentity INTERROGATOR_2 = new SignerIdentity("赵六", SignerRole.INTERROGATOR, "P-1002");
    public static final SignerIdentity RECORDER = new SignerIdentity("孙七", SignerRole.RECORDER, "P-2001");

    private SampleRecord() {
    }

    /** The committed 20-page frozen record. */
    public static byte[] frozenPdf() {
        try (InputStream in = SampleRecord.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Slots of a record with {@code pages} A4 pages: suspect signature and fingerprint on every page, the rest last. */
    public static List<SignatureSlot> slots(int pages) {
        List<SignatureSlot> slots = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            slots.add(new SignatureSlot("p" + (p + 1) + "-suspect-sig", p, 330, 40, 130, 44, SignerRole.SUSPECT,
                    SlotKind.SIGNATURE));
            slots.add(new SignatureSlot("p" + (p + 1) + "-suspect-fp", p, 470, 40, 50, 44, SignerRole.SUSPECT,
                    SlotKind.FINGERPRINT));
        }
        int last = pages - 1;
        slots.add(new SignatureSlot("confirmation", last, 70, 250, 450, 56, SignerRole.SUSPECT, SlotKind.CONFIRMATION));
        slots.add(new SignatureSlot("adult-sig", last, 70, 180, 140, 44, SignerRole.APPROPRIATE_ADULT,
                SlotKind.SIGNATURE));
        slots.add(new SignatureSlot("interrogator-1-sig", last, 70, 110, 140, 44, SignerRole.INTERROGATOR,
                SlotKind.SIGNATURE));
        slots.add(new SignatureSlot("interrogator-2-sig", last, 230, 110, 140, 44, SignerRole.INTERROGATOR,
                SlotKind.SIGNATURE));
        slots.add(new SignatureSlot("recorder-sig", last, 390, 110, 130, 44, SignerRole.RECORDER, SlotKind.SIGNATURE));
        return slots;
    }

    /**
     * A complete request: every slot filled in signing order, with photos on each signer's first and last event and
     * a fingerprint image on every fingerprint slot.
     */
    public static SealRequest request(byte[] frozenPdf, int pages) {
        List<SignatureSlot> slots = slots(pages);
        return new SealRequest("REC-2026-0001", DocumentKind.INTERROGATION_RECORD, frozenPdf, slots,
                events(slots, Pki.sha256Hex(frozenPdf)), Set.of(SignerRole.APPROPRIATE_ADULT, SignerRole.RECORDER),
                List.of());
    }

    /** Synthetic events for every slot, in signing order. */
    public static List<SignatureEvent> events(List<SignatureSlot> slots, String frozenHash) {
        List<SignatureEvent> events = new ArrayList<>();
        Instant t = Instant.parse("2026-11-22T09:30:00Z");
        long mono = 1_000_000_000L;
        byte[] photo = photo(1);
        byte[] fingerprint = fingerprintImage();
        SignerIdentity[] order = {SUSPECT, ADULT, INTERROGATOR_1, INTERROGATOR_2, RECORDER};
        int seed = 0;
        for (SignerIdentity who : order) {
            List<SignatureSlot> mine = new ArrayList<>();
            for (SignatureSlot s : slots) {
                if (s.role() == who.role() && (who.role() != SignerRole.INTERROGATOR || s.id().startsWith(
                        who == INTERROGATOR_1 ? "interrogator-1" : "interrogator-2"))) {
                    mine.add(s);
                }
            }
            for (int i = 0; i < mine.size(); i++) {
                SignatureSlot slot = mine.get(i);
                boolean fp = slot.kind() == SlotKind.FINGERPRINT;
                List<StrokeSample> samples = fp ? List.of()
                        : strokes(seed++, slot.kind() == SlotKind.CONFIRMATION ? 900 : 300);
                long span = samples.isEmpty() ? 1500 : samples.get(samples.size() - 1).tMillis();
                Instant end = t.plusMillis(span);
                EventTimes times = new EventTimes(t, end, mono, mono + span * 1_000_000L, mono / 1000,
                        (mono + span * 1_000_000L) / 1000, null);
                boolean first = i == 0;
                boolean lastOfSigner = i == mine.size() - 1;
                events.add(new SignatureEvent("e" + events.size(), who, slot.id(), samples, null,
                        first ? photo : null, lastOfSigner ? photo : null, fp ? fingerprint : null, times, PAD,
                        frozenHash, new RecordingSpan("segment-0007.mp4",
                        "9f2c1b0a9f2c1b0a9f2c1b0a9f2c1b0a9f2c1b0a9f2c1b0a9f2c1b0a9f2c1b0a", t, end)));
                t = end.plus(Duration.ofSeconds(2));
                mono += (span + 2000) * 1_000_000L;
            }
        }
        return events;
    }

    /** Synthetic handwriting: a few pressure-varying pen-down strokes sampled at 200 Hz. */
    public static List<StrokeSample> strokes(int seed, int count) {
        Random random = new Random(seed);
        List<StrokeSample> samples = new ArrayList<>(count);
        int strokes = 3 + random.nextInt(3);
        int perStroke = Math.max(4, count / strokes);
        double x = 150 + random.nextInt(100);
        long t = 0;
        for (int s = 0; s < strokes; s++) {
            double baseY = 400 + random.nextInt(100) - 50;
            double amp = 150 + random.nextInt(150);
            double freq = 0.05 + random.nextDouble() * 0.08;
            double dx = (1700.0 - x) / ((strokes - s) * perStroke);
            for (int k = 0; k < perStroke; k++) {
                double y = baseY + amp * Math.sin(k * freq + s);
                int pressure = (int) (300 + 600 * Math.sin(Math.PI * k / perStroke));
                samples.add(new StrokeSample((int) Math.round(x), (int) Math.round(Math.max(0, Math.min(799, y))),
                        pressure, t, true, t * 1000, t * 1_000_000L));
                x = Math.min(1999, x + dx);
                t += 5;
            }
            samples.add(new StrokeSample((int) Math.round(x), (int) baseY, 0, t, false, t * 1000, t * 1_000_000L));
            t += 80;
        }
        return samples;
    }

    /** A synthetic webcam photo (JPEG, 320x240). */
    public static byte[] photo(int seed) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(60, 70, 90), 320, 240, new Color(180, 170, 150)));
            g.fillRect(0, 0, 320, 240);
            g.setColor(new Color(230, 200, 170));
            g.fillOval(110 + seed % 20, 50, 100, 130);
            g.setColor(Color.DARK_GRAY);
            g.fillOval(135, 95, 12, 8);
            g.fillOval(175, 95, 12, 8);
        } finally {
            g.dispose();
        }
        return encode(image, "jpg");
    }

    /** A synthetic fingerprint image (PNG). */
    public static byte[] fingerprintImage() {
        BufferedImage image = new BufferedImage(160, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 160, 200);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2.5f));
            for (int r = 6; r < 80; r += 7) {
                g.drawOval(80 - r, 100 - (int) (r * 1.25), 2 * r, (int) (2.5 * r));
            }
        } finally {
            g.dispose();
        }
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
