// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Test code: made the committed test impression {@code ridge-whorl-500ppi.png}, a fingerprint-like picture (a whorl
 * of ridges 0.45 mm apart in an oval fingertip with pressure fall-off at its rim, sensor noise on a white platen) at
 * 500 ppi. Run {@code main} with the output path to make it again; the tests read the committed file.
 */
final class RidgePattern {
    static final int WIDTH = 360;
    static final int HEIGHT = 480;
    static final int PPI = 500;

    private RidgePattern() {
    }

    static BufferedImage make(long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        double cx = WIDTH / 2.0;
        double cy = HEIGHT * 0.46;
        double a = WIDTH * 0.46;
        double b = HEIGHT * 0.47;
        double period = 0.45 * PPI / 25.4;
        // A smooth warp (sum of a few low-frequency waves) so the ridges are not perfect ellipses.
        double[][] waves = new double[6][4];
        for (double[] w : waves) {
            w[0] = (random.nextDouble() - 0.5) * 0.08;
            w[1] = (random.nextDouble() - 0.5) * 0.08;
            w[2] = random.nextDouble() * Math.PI * 2;
            w[3] = random.nextDouble() * 4;
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double dx = (x - cx) / a;
                double dy = (y - cy) / b;
                double rim = Math.sqrt(dx * dx + dy * dy);
                double pressure = Math.max(0, Math.min(1, (1 - rim) / 0.12));
                double warp = 0;
                for (double[] w : waves) {
                    warp += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
                }
                double ex = x - cx;
                double ey = (y - cy) * 0.8;
                double r = Math.sqrt(ex * ex + ey * ey);
                double theta = Math.atan2(ey, ex);
                double phase = (r + warp) / period + theta / (2 * Math.PI);
                double ridge = 0.5 + 0.5 * Math.cos(2 * Math.PI * phase);
                double v = 252 - pressure * (200 * ridge + random.nextGaussian() * 10) + random.nextGaussian() * 2;
                px[y * WIDTH + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        return img;
    }

    public static void main(String[] args) throws IOException {
        ImageIO.write(make(626), "png", Path.of(args[0]).toFile());
    }
}
