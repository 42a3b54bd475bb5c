// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.util.Arrays;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Bilingual;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * The quality gate for an impression, on the grey image alone (no matcher): the image is cut into blocks of about
 * 0.8 mm; a block whose grey values vary (ridges and valleys) is touched by the finger, a flat one is bare platen.
 *
 * <ul>
 *   <li><b>blank</b>: less than {@link #BLANK_AREA_MM2} mm² touched: no finger;</li>
 *   <li><b>too light</b>: the touched blocks' median contrast (standard deviation of grey) is below {@link
 *       #MIN_CONTRAST}: the ridges barely show (pressed too lightly, dry finger);</li>
 *   <li><b>partial</b>: the touched area is below {@link #MIN_AREA_MM2} mm² (or 60 % of a smaller sensor), or on a
 *       platen of at least {@link #LARGE_PLATEN_MM2} mm² the impression runs along the window's edge for more than
 *       {@link #MAX_EDGE_MM} mm (the finger is off the edge).</li>
 * </ul>
 * Each refusal tells the signer what to do (from the devices bundle) and the signer presses again.
 */
public final class ImpressionQuality {
    /** Below this touched area (mm²) there is no finger. */
    public static final double BLANK_AREA_MM2 = 15;
    /** A flat impression of a fingertip covers at least this much (mm²). */
    public static final double MIN_AREA_MM2 = 80;
    /** Median block standard deviation (grey levels) a legible impression reaches. */
    public static final double MIN_CONTRAST = 25;
    /** Length (mm) along the window's edge that a finger inside the window may touch on a large platen. */
    public static final double MAX_EDGE_MM = 4;
    /** A window at least this large (mm²) holds a whole fingertip with room around it: edges are checked. */
    public static final double LARGE_PLATEN_MM2 = 600;
    /** Standard deviation above which a block counts as touched (bare platen noise stays well below). */
    static final double TOUCH_STD = 6;

    private ImpressionQuality() {
    }

    /** Why an impression is refused, with what the signer is told. */
    public enum Problem implements Localized, Bilingual {
        BLANK("fingerprint.quality.blank"),
        PARTIAL("fingerprint.quality.partial"),
        TOO_LIGHT("fingerprint.quality.tooLight");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** What the signer is told. */
        @Override
        public Message message() {
            return DeviceMessages.of(key);
        }

        @Override
        public String zh() {
            return message().chinese();
        }

        @Override
        public String en() {
            return message().english();
        }
    }

    /**
     * The figures of one impression.
     *
     * @param problem why it is refused, or null if it passes
     * @param score 0..100 from area and contrast (stored as the record's quality)
     * @param areaMm2 touched area in mm²
     * @param contrast median standard deviation of grey in the touched blocks
     * @param edgeMm how far (mm) the impression runs along the window's edge
     */
    public record Assessment(Problem problem, int score, double areaMm2, double contrast, double edgeMm) {
        public boolean passed() {
            return problem == null;
        }
    }

    /** Assesses an impression. */
    public static Assessment assess(FingerImage img) {
        int block = Math.max(6, (int) Math.round(img.ppmm() * 0.8));
        int bw = img.width() / block;
        int bh = img.height() / block;
        if (bw == 0 || bh == 0) {
            return new Assessment(Problem.BLANK, 0, 0, 0, 0);
        }
        double blockMm2 = Math.pow(block / img.ppmm(), 2);
        double[] touchedStd = new double[bw * bh];
        int touched = 0;
        int touchedOnEdge = 0;
        byte[] px = img.pixels();
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                long sum = 0;
                long sq = 0;
                for (int y = by * block; y < (by + 1) * block; y++) {
                    int row = y * img.width();
                    for (int x = bx * block; x < (bx + 1) * block; x++) {
                        int v = px[row + x] & 0xff;
                        sum += v;
                        sq += (long) v * v;
                    }
                }
                int n = block * block;
                double mean = (double) sum / n;
                double std = Math.sqrt(Math.max(0, (double) sq / n - mean * mean));
                if (std >= TOUCH_STD) {
                    touchedStd[touched++] = std;
                    if (bx == 0 || by == 0 || bx == bw - 1 || by == bh - 1) {
                        touchedOnEdge++;
                    }
                }
            }
        }
        double area = touched * blockMm2;
        double sensorArea = bw * bh * blockMm2;
        double contrast = 0;
        if (touched > 0) {
            double[] s = Arrays.copyOf(touchedStd, touched);
            Arrays.sort(s);
            contrast = s[touched / 2];
        }
        double edgeMm = touchedOnEdge * block / img.ppmm();
        int score = (int) Math.round(100 * Math.min(1, area / 150) * Math.min(1, contrast / 60));
        Problem problem = null;
        double minArea = Math.min(MIN_AREA_MM2, 0.6 * sensorArea);
        boolean largePlaten = sensorArea >= LARGE_PLATEN_MM2;
        if (area < Math.min(BLANK_AREA_MM2, 0.2 * sensorArea)) {
            problem = Problem.BLANK;
        } else if (contrast < MIN_CONTRAST) {
            problem = Problem.TOO_LIGHT;
        } else if (area < minArea || (largePlaten && edgeMm > MAX_EDGE_MM)) {
            problem = Problem.PARTIAL;
        }
        return new Assessment(problem, score, area, contrast, edgeMm);
    }

    /**
     * Passes an acceptable impression through.
     *
     * @throws ImpressionRejectedException with what the signer does next if it is blank, too light or partial
     */
    public static Assessment require(FingerImage img) throws ImpressionRejectedException {
        Assessment a = assess(img);
        if (!a.passed()) {
            throw new ImpressionRejectedException(a);
        }
        return a;
    }

    /** Whether the reader shows no finger at all (for readers that stream frames without finger detection). */
    static boolean blank(FingerImage img) {
        return assess(img).problem() == Problem.BLANK;
    }
}
