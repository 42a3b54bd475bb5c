// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.demo.SampleRecord;

/** Ink drawn into a page image lands in its slot's rectangle, and nowhere else; the page itself is not changed. */
class InkOnPageTest {
    private static BufferedImage whitePage() {
        BufferedImage page = new BufferedImage(827, 1170, BufferedImage.TYPE_INT_RGB);
        var g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        return page;
    }

    /** Pixels that are not white inside and outside a rectangle (in pixels). */
    private static int[] marked(BufferedImage img, Rectangle2D r) {
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    if (r.contains(x + 0.5, y + 0.5)) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        return new int[] {inside, outside};
    }

    @Test
    void aSignatureIsDrawnInsideItsSlotOnly() {
        BufferedImage page = whitePage();
        Rectangle2D slot = new Rectangle2D.Double(0.55, 0.88, 0.3, 0.05);
        var mark = new InkOnPage.Mark(slot, SlotKind.SIGNATURE, SampleRecord.strokes(3, 300), SampleRecord.PAD);
        BufferedImage out = InkOnPage.render(page, List.of(mark), null);
        // Anti-aliased round caps may touch the pixel next to the edge.
        Rectangle2D px = InkOnPage.pixels(slot, page.getWidth(), page.getHeight());
        Rectangle2D grown = new Rectangle2D.Double(px.getX() - 2, px.getY() - 2, px.getWidth() + 4,
                px.getHeight() + 4);
        int[] counts = marked(out, grown);
        assertThat(counts[0]).as("ink in the slot").isGreaterThan(200);
        assertThat(counts[1]).as("ink outside the slot").isZero();
        assertThat(marked(page, grown)[0]).as("the page given is left as it was").isZero();
    }

    @Test
    void aFingerprintWithoutStrokesIsTheRedMarkerAndTheNextSlotIsOutlined() {
        BufferedImage page = whitePage();
        Rectangle2D finger = new Rectangle2D.Double(0.86, 0.88, 0.08, 0.05);
        Rectangle2D next = new Rectangle2D.Double(0.1, 0.6, 0.5, 0.05);
        BufferedImage out = InkOnPage.render(page, List.of(new InkOnPage.Mark(finger, SlotKind.FINGERPRINT,
                List.of(), SampleRecord.PAD)), next);
        Rectangle2D fpx = InkOnPage.pixels(finger, page.getWidth(), page.getHeight());
        int red = 0;
        for (int y = (int) fpx.getMinY(); y < fpx.getMaxY(); y++) {
            for (int x = (int) fpx.getMinX(); x < fpx.getMaxX(); x++) {
                Color c = new Color(out.getRGB(x, y));
                if (c.getRed() > 150 && c.getGreen() < 120 && c.getBlue() < 120) {
                    red++;
                }
            }
        }
        assertThat(red).as("red marker pixels").isGreaterThan(30);
        Rectangle2D npx = InkOnPage.pixels(next, page.getWidth(), page.getHeight());
        Color tint = new Color(out.getRGB((int) npx.getCenterX(), (int) npx.getCenterY()));
        assertThat(tint.getBlue()).as("the next slot is tinted").isLessThan(240);
        assertThat(tint.getRed()).isGreaterThan(200);
    }
}
