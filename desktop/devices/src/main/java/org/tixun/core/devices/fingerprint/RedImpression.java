// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The impression as it appears on the page: the reader's ridges in seal-paste red (印泥) on a transparent
 * background, cropped to the finger. Each pixel's opacity is its darkness between the image's platen white (98th
 * percentile) and its darkest ridges (2nd percentile); nothing is drawn that the reader did not deliver.
 */
public final class RedImpression {
    /** The ink colour, RGB. */
    public static final int INK = 0xC8161E;
    /** Margin kept around the finger, in mm. */
    static final double MARGIN_MM = 1.0;

    private RedImpression() {
    }

    /** The red impression (ARGB, cropped to the touched area plus a small margin). */
    public static BufferedImage render(FingerImage img) {
        int[] box = touchedBox(img);
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        int[] hist = new int[256];
        for (int y = box[1]; y < box[3]; y++) {
            for (int x = box[0]; x < box[2]; x++) {
                hist[img.grey(x, y)]++;
            }
        }
        int dark = percentile(hist, w * h, 0.02);
        int white = percentile(hist, w * h, 0.98);
        double span = Math.max(1, white - dark);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = (white - img.grey(box[0] + x, box[1] + y)) / span;
                int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, a)));
                row[x] = (alpha << 24) | INK;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** {@link #render} as PNG bytes. */
    public static byte[] png(FingerImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(render(img), "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** x0, y0, x1, y1 (exclusive) of the touched blocks plus the margin; the whole image if none is touched. */
    static int[] touchedBox(FingerImage img) {
        int block = Math.max(6, (int) Math.round(img.ppmm() * 0.8));
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int by = 0; by + block <= img.height(); by += block) {
            for (int bx = 0; bx + block <= img.width(); bx += block) {
                if (std(img, bx, by, block) >= ImpressionQuality.TOUCH_STD) {
                    x0 = Math.min(x0, bx);
                    y0 = Math.min(y0, by);
                    x1 = Math.max(x1, bx + block);
                    y1 = Math.max(y1, by + block);
                }
            }
        }
        if (x1 < 0) {
            return new int[] {0, 0, img.width(), img.height()};
        }
        int m = (int) Math.round(MARGIN_MM * img.ppmm());
        return new int[] {Math.max(0, x0 - m), Math.max(0, y0 - m), Math.min(img.width(), x1 + m),
            Math.min(img.height(), y1 + m)};
    }

    private static double std(FingerImage img, int bx, int by, int block) {
        long sum = 0;
        long sq = 0;
        for (int y = by; y < by + block; y++) {
            for (int x = bx; x < bx + block; x++) {
                int v = img.grey(x, y);
                sum += v;
                sq += (long) v * v;
            }
        }
        int n = block * block;
        double mean = (double) sum / n;
        return Math.sqrt(Math.max(0, (double) sq / n - mean * mean));
    }

    private static int percentile(int[] hist, int total, double p) {
        long target = Math.max(1, Math.round(total * p));
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen >= target) {
                return v;
            }
        }
        return 255;
    }
}
