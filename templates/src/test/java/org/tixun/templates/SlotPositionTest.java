// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotPositionTest {

    private static final float DPI = 144;
    private static final float SCALE = DPI / 72f;

    /**
     * Every slot box is drawn with a thin grey border; the exported rectangle must sit on it: ink
     * along each edge and none in the middle of the box.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INTERROGATION_RECORD", "PLEA_AGREEMENT", "SERVICE_RECEIPT", "HEARING_OPINIONS_RECORD"})
    void exportedRectanglesLieOnTheDrawnSlotBorders(String kind) throws Exception {
        RenderResult result = Pdfs.example(kind, Lang.ZH);
        for (int page = 0; page < result.pageCount(); page++) {
            BufferedImage image = PageImages.render(result.pdf(), page, DPI);
            for (SlotPosition slot : result.slotsOnPage(page)) {
                int left = px(slot.x());
                int right = px(slot.x() + slot.width());
                int top = image.getHeight() - px(slot.y() + slot.height());
                int bottom = image.getHeight() - px(slot.y());
                assertThat(inkAlongRow(image, top, left, right)).as("%s top edge", slot.slotId()).isGreaterThan(0.2);
                assertThat(inkAlongRow(image, bottom, left, right)).as("%s bottom edge", slot.slotId()).isGreaterThan(0.2);
                assertThat(inkAlongColumn(image, left, top, bottom)).as("%s left edge", slot.slotId()).isGreaterThan(0.2);
                assertThat(inkAlongColumn(image, right, top, bottom)).as("%s right edge", slot.slotId()).isGreaterThan(0.2);
                assertThat(inkAlongRow(image, (top + bottom) / 2, left + 6, right - 6)).as("%s inside", slot.slotId()).isZero();
            }
        }
    }

    private static int px(float points) {
        return Math.round(points * SCALE);
    }

    /** Fraction of positions along a row (within ±2 px) that have ink. */
    private static double inkAlongRow(BufferedImage image, int y, int x0, int x1) {
        int hits = 0;
        for (int x = x0 + 4; x <= x1 - 4; x++) {
            if (inkNear(image, x, y, 0, 2)) {
                hits++;
            }
        }
        return hits / (double) Math.max(1, x1 - x0 - 8);
    }

    private static double inkAlongColumn(BufferedImage image, int x, int y0, int y1) {
        int hits = 0;
        for (int y = y0 + 4; y <= y1 - 4; y++) {
            if (inkNear(image, x, y, 2, 0)) {
                hits++;
            }
        }
        return hits / (double) Math.max(1, y1 - y0 - 8);
    }

    private static boolean inkNear(BufferedImage image, int x, int y, int dx, int dy) {
        for (int i = -dx; i <= dx; i++) {
            for (int j = -dy; j <= dy; j++) {
                int xx = x + i;
                int yy = y + j;
                if (xx >= 0 && yy >= 0 && xx < image.getWidth() && yy < image.getHeight()) {
                    int rgb = image.getRGB(xx, yy);
                    int g = (rgb >> 8) & 0xff;
                    if (g < 245) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
