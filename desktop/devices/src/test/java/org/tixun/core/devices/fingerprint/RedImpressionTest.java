// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RedImpressionTest {
    @Test
    void drawsTheReadersRidgesInRedOnTransparencyCroppedToTheFinger() throws Exception {
        int x0 = (Impressions.WINDOW - Impressions.finger().width()) / 2;
        int y0 = (Impressions.WINDOW - Impressions.finger().height()) / 2;
        FingerImage img = Impressions.image(Impressions.centred());
        BufferedImage red = ImageIO.read(new ByteArrayInputStream(RedImpression.png(img)));
        assertThat(red.getColorModel().hasAlpha()).isTrue();
        // Cropped to about the finger (360×480 with its white rim) plus a 1 mm margin, not the 640×640 window.
        assertThat(red.getWidth()).isBetween(300, 400);
        assertThat(red.getHeight()).isBetween(400, 520);
        int[] box = RedImpression.touchedBox(img);
        int opaque = 0;
        int transparentCorners = 0;
        for (int y = 0; y < red.getHeight(); y++) {
            for (int x = 0; x < red.getWidth(); x++) {
                int argb = red.getRGB(x, y);
                int alpha = argb >>> 24;
                assertThat(argb & 0xFFFFFF).isEqualTo(RedImpression.INK);
                int grey = img.grey(box[0] + x, box[1] + y);
                if (alpha > 200) {
                    opaque++;
                    assertThat(grey).as("opaque ink only where the reader saw a ridge").isLessThan(110);
                }
            }
        }
        for (int[] c : new int[][] {{0, 0}, {red.getWidth() - 1, 0}, {0, red.getHeight() - 1}}) {
            if (red.getRGB(c[0], c[1]) >>> 24 < 40) {
                transparentCorners++;
            }
        }
        assertThat(opaque).isGreaterThan(red.getWidth() * red.getHeight() / 8);
        assertThat(transparentCorners).isEqualTo(3);
        assertThat(box[0]).isBetween(x0 - 30, x0 + 40);
        assertThat(box[1]).isBetween(y0 - 30, y0 + 40);
    }
}
