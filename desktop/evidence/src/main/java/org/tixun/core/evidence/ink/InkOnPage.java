// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;

/**
 * Draws signers' ink into a page image at their slots, for the terminal's screen: the same geometry as the sealed
 * PDF's appearance ({@link InkLayout#fit} into the slot box, a red oval marker for a fingerprint without strokes), so
 * what the suspect sees after signing is where and how the ink will stand in the record. A display aid only: the
 * evidence is the signature event and the sealed PDF, never this picture.
 */
public final class InkOnPage {
    private static final Color INK = new Color(13, 20, 90);
    private static final Color FINGERPRINT = new Color(191, 13, 13);
    private static final Color HIGHLIGHT_FILL = new Color(255, 214, 0, 70);
    private static final Color HIGHLIGHT_EDGE = new Color(214, 120, 0);

    private InkOnPage() {
    }

    /**
     * One filled slot.
     *
     * @param area the slot as fractions of the page: x, y from the top left, width, height
     * @param kind what the slot holds
     * @param samples the pen samples (empty for a fingerprint)
     * @param device the pad geometry the samples are in
     */
    public record Mark(Rectangle2D area, SlotKind kind, List<StrokeSample> samples, DeviceInfo device) {
        public Mark {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(kind, "kind");
            samples = List.copyOf(samples);
            Objects.requireNonNull(device, "device");
        }
    }

    /** The slot's rectangle in pixels of a {@code width} x {@code height} page image. */
    public static Rectangle2D pixels(Rectangle2D area, int width, int height) {
        return new Rectangle2D.Double(area.getX() * width, area.getY() * height, area.getWidth() * width,
                area.getHeight() * height);
    }

    /**
     * A copy of the page with every mark's ink in its slot and, if {@code highlight} is given, that slot tinted and
     * outlined (where to sign next).
     *
     * @param page the page image (not changed)
     * @param marks the filled slots on this page
     * @param highlight the slot to sign next as fractions of the page, or null
     */
    public static BufferedImage render(BufferedImage page, List<Mark> marks, Rectangle2D highlight) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(page, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (highlight != null) {
                Rectangle2D r = pixels(highlight, w, h);
                g.setColor(HIGHLIGHT_FILL);
                g.fill(r);
                g.setColor(HIGHLIGHT_EDGE);
                g.setStroke(new BasicStroke(Math.max(2f, w / 400f)));
                g.draw(r);
            }
            for (Mark m : marks) {
                draw(g, m, pixels(m.area(), w, h));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void draw(Graphics2D g, Mark m, Rectangle2D box) {
        boolean marker = (m.kind() == SlotKind.FINGERPRINT || m.kind() == SlotKind.CORRECTION) && m.samples().isEmpty();
        if (marker) {
            fingerprintMarker(g, box);
            return;
        }
        InkLayout layout = InkLayout.fit(m.samples(), m.device(), (float) box.getWidth(), (float) box.getHeight());
        g.setColor(INK);
        for (InkSegment s : layout.segments()) {
            g.setStroke(new BasicStroke(Math.max(0.8f, s.width()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(box.getX() + s.x1(), box.getY() + s.y1(), box.getX() + s.x2(),
                    box.getY() + s.y2()));
        }
    }

    /** The same concentric ovals as {@link PdfInkPainter#fingerprintMarker}, in image coordinates. */
    private static void fingerprintMarker(Graphics2D g, Rectangle2D box) {
        double width = box.getWidth();
        double height = box.getHeight();
        double rx = Math.min(width, height * 0.8) * 0.4;
        double ry = Math.min(height, width * 1.25) * 0.45;
        double cx = box.getCenterX();
        double cy = box.getCenterY();
        g.setColor(FINGERPRINT);
        g.setStroke(new BasicStroke((float) Math.max(0.8, rx * 0.06)));
        for (int i = 0; i < 5; i++) {
            double k = 1 - i * 0.18;
            g.draw(new Ellipse2D.Double(cx - rx * k, cy - ry * k, 2 * rx * k, 2 * ry * k));
        }
    }
}
