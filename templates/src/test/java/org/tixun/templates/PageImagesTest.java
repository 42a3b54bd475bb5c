// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PageImagesTest {

    @Test
    void rendersAnA4PageAtTheRequestedResolution() throws Exception {
        byte[] pdf = Pdfs.example("SERVICE_RECEIPT", Lang.ZH).pdf();
        BufferedImage at72 = PageImages.render(pdf, 0, 72);
        BufferedImage at144 = PageImages.render(pdf, 0, 144);
        // A4 is 595.3 x 841.9 pt: one pixel per point at 72 dpi, twice that at 144 dpi.
        assertThat(at72.getWidth()).isBetween(595, 596);
        assertThat(at72.getHeight()).isBetween(841, 842);
        assertThat(at144.getWidth()).isBetween(1190, 1191);
        assertThat(at144.getHeight()).isBetween(1683, 1684);
        assertThat(countDark(at72)).as("the page has visible text").isGreaterThan(1000);
    }

    @Test
    void rejectsAPageThatDoesNotExist() {
        byte[] pdf = Pdfs.example("SERVICE_RECEIPT", Lang.ZH).pdf();
        assertThatThrownBy(() -> PageImages.render(pdf, 1, 72)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("has 1 pages");
    }

    private static int countDark(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
