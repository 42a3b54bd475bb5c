// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tixun.signpad.ink.CsvInk;
import org.tixun.signpad.ink.InkMl;
import org.tixun.signpad.ink.InkPoint;

/**
 * Synthesises handwriting-like signatures of short Chinese names, stroke by stroke, for the demo and tests.
 */
public final class SignatureSynth {

    // Each character is a list of strokes given as control points in a unit box; a stroke is traced along a
    // Catmull-Rom curve with a minimum-jerk speed profile at 200 samples/s, with tremor, a pressure arc and
    // hover samples between strokes. Deterministic for a given seed. No recorded dataset is used.

    /** Sample period of the synthetic pen, as a 200 Hz pad. */
    public static final double PERIOD_MS = 5.0;

    private static final double[][][] WANG = {
        {{0.15, 0.18}, {0.5, 0.16}, {0.85, 0.14}},
        {{0.22, 0.5}, {0.5, 0.49}, {0.78, 0.48}},
        {{0.5, 0.15}, {0.5, 0.5}, {0.51, 0.86}},
        {{0.1, 0.86}, {0.5, 0.85}, {0.92, 0.83}},
    };
    private static final double[][][] FENG = {
        {{0.2, 0.22}, {0.5, 0.21}, {0.8, 0.2}},
        {{0.25, 0.45}, {0.5, 0.44}, {0.75, 0.43}},
        {{0.12, 0.68}, {0.5, 0.67}, {0.88, 0.65}},
        {{0.5, 0.05}, {0.5, 0.5}, {0.5, 0.97}},
    };
    private static final double[][][] TIAN = {
        {{0.18, 0.15}, {0.17, 0.5}, {0.18, 0.85}},
        {{0.18, 0.15}, {0.82, 0.14}, {0.8, 0.5}, {0.81, 0.86}},
        {{0.2, 0.5}, {0.5, 0.5}, {0.79, 0.49}},
        {{0.5, 0.16}, {0.5, 0.5}, {0.5, 0.84}},
        {{0.19, 0.85}, {0.5, 0.85}, {0.8, 0.84}},
    };
    private static final double[][][] LI = {
        {{0.2, 0.3}, {0.75, 0.28}, {0.74, 0.6}, {0.7, 0.9}, {0.58, 0.82}},
        {{0.48, 0.08}, {0.47, 0.45}, {0.35, 0.75}, {0.12, 0.92}},
    };
    private static final double[][][] YU = {
        {{0.22, 0.2}, {0.5, 0.19}, {0.78, 0.18}},
        {{0.1, 0.5}, {0.5, 0.49}, {0.9, 0.47}},
        {{0.5, 0.2}, {0.5, 0.6}, {0.5, 0.9}, {0.4, 0.84}},
    };
    private static final double[][][] SHAN = {
        {{0.5, 0.1}, {0.5, 0.5}, {0.5, 0.82}},
        {{0.15, 0.35}, {0.15, 0.82}, {0.5, 0.82}, {0.85, 0.81}},
        {{0.85, 0.3}, {0.85, 0.6}, {0.85, 0.83}},
    };

    /** The names this synthesiser can write, with their file stems. */
    public static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("王丰", "wang-feng");
        m.put("田力", "tian-li");
        m.put("于山", "yu-shan");
        return Collections.unmodifiableMap(m);
    }

    private final Random random;
    private final List<InkPoint> out = new ArrayList<>();
    private double t;
    private double penX;
    private double penY;

    private SignatureSynth(long seed) {
        this.random = new Random(seed);
    }

    /** Returns the samples of {@code name} (one of {@link #NAMES}) in pad units for a 26202 x 16325 digitizer. */
    public static List<InkPoint> signature(String name, long seed) {
        SignatureSynth s = new SignatureSynth(seed);
        double size = 5200;
        double x0 = 3000;
        double y0 = 4200;
        s.penX = x0 - 400;
        s.penY = y0 + size * 0.3;
        s.hoverSamples(12, s.penX, s.penY);
        for (int c = 0; c < name.length(); c++) {
            double[][][] glyph = glyph(name.charAt(c));
            double cx = x0 + c * size * 1.05;
            double slant = 0.08;
            for (double[][] stroke : glyph) {
                double[][] pts = new double[stroke.length][2];
                for (int i = 0; i < stroke.length; i++) {
                    double u = stroke[i][0] + s.random.nextGaussian() * 0.012;
                    double v = stroke[i][1] + s.random.nextGaussian() * 0.012;
                    pts[i][0] = cx + (u - slant * (v - 0.5)) * size;
                    pts[i][1] = y0 + v * size * 0.95;
                }
                s.moveTo(pts[0][0], pts[0][1]);
                s.stroke(pts);
            }
        }
        s.hoverSamples(10, s.penX + 300, s.penY - 200);
        return s.out;
    }

    private static double[][][] glyph(char ch) {
        return switch (ch) {
            case '王' -> WANG;
            case '丰' -> FENG;
            case '田' -> TIAN;
            case '力' -> LI;
            case '于' -> YU;
            case '山' -> SHAN;
            default -> throw new IllegalArgumentException("no strokes defined for '" + ch + "'");
        };
    }

    private void hoverSamples(int n, double tx, double ty) {
        double sx = penX;
        double sy = penY;
        for (int i = 1; i <= n; i++) {
            double a = minJerk(i / (double) n);
            penX = sx + (tx - sx) * a;
            penY = sy + (ty - sy) * a;
            emit(penX, penY, 0, false);
        }
    }

    private void moveTo(double x, double y) {
        double dist = Math.hypot(x - penX, y - penY);
        int n = Math.max(8, (int) Math.round(dist / 180));
        hoverSamples(n, x, y);
    }

    private void stroke(double[][] pts) {
        List<double[]> path = new ArrayList<>();
        for (int seg = 0; seg < pts.length - 1; seg++) {
            double[] p0 = pts[Math.max(0, seg - 1)];
            double[] p1 = pts[seg];
            double[] p2 = pts[seg + 1];
            double[] p3 = pts[Math.min(pts.length - 1, seg + 2)];
            for (int k = 0; k < 40; k++) {
                double u = k / 40.0;
                path.add(new double[] {catmull(p0[0], p1[0], p2[0], p3[0], u), catmull(p0[1], p1[1], p2[1], p3[1], u)});
            }
        }
        path.add(pts[pts.length - 1]);
        double[] cum = new double[path.size()];
        for (int i = 1; i < path.size(); i++) {
            cum[i] = cum[i - 1] + Math.hypot(path.get(i)[0] - path.get(i - 1)[0], path.get(i)[1] - path.get(i - 1)[1]);
        }
        double length = cum[cum.length - 1];
        double durationMs = 140 + length / 22.0 + random.nextGaussian() * 15;
        int n = Math.max(6, (int) Math.round(durationMs / PERIOD_MS));
        double peak = 560 + random.nextGaussian() * 90;
        double phase = random.nextDouble() * Math.PI * 2;
        int j = 0;
        for (int i = 0; i <= n; i++) {
            double u = i / (double) n;
            double target = minJerk(u) * length;
            while (j < cum.length - 2 && cum[j + 1] < target) {
                j++;
            }
            double segLen = cum[j + 1] - cum[j];
            double f = segLen > 0 ? (target - cum[j]) / segLen : 0;
            double x = path.get(j)[0] + (path.get(j + 1)[0] - path.get(j)[0]) * f;
            double y = path.get(j)[1] + (path.get(j + 1)[1] - path.get(j)[1]) * f;
            x += Math.sin(phase + i * 0.9) * 6 + random.nextGaussian() * 3;
            y += Math.cos(phase + i * 0.7) * 6 + random.nextGaussian() * 3;
            double arc = Math.sin(Math.PI * Math.min(1, u * 1.15)) * 0.75 + 0.25;
            double p = peak * arc * (u < 0.08 ? u / 0.08 : 1) + random.nextGaussian() * 8;
            emit(x, y, Math.max(1, Math.min(1023, p)), true);
            penX = x;
            penY = y;
        }
    }

    private void emit(double x, double y, double pressure, boolean contact) {
        out.add(new InkPoint((int) Math.round(x), (int) Math.round(y), (int) Math.round(pressure), t, contact));
        t += PERIOD_MS;
    }

    private static double minJerk(double u) {
        return u * u * u * (10 - 15 * u + 6 * u * u);
    }

    private static double catmull(double p0, double p1, double p2, double p3, double u) {
        return 0.5 * (2 * p1 + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u * u
                + (-p0 + 3 * p1 - 3 * p2 + p3) * u * u * u);
    }

    /** Writes every name as CSV and InkML into {@code args[0]} (how the shipped resources were made). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        long seed = 20261122;
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            List<InkPoint> points = signature(e.getKey(), seed++);
            CsvInk.write(dir.resolve(e.getValue() + ".csv"), points);
            InkMl.write(dir.resolve(e.getValue() + ".inkml"), points);
        }
    }
}
