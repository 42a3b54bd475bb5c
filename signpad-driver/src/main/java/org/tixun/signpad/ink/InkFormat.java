// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.ink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads and writes ink files, choosing CSV or InkML by file extension. */
public final class InkFormat {

    private InkFormat() {
    }

    public static List<InkPoint> read(Path file) throws IOException {
        return isCsv(file) ? CsvInk.read(file) : InkMl.read(file);
    }

    public static void write(Path file, List<InkPoint> points) throws IOException {
        if (isCsv(file)) {
            CsvInk.write(file, points);
        } else {
            InkMl.write(file, points);
        }
    }

    private static boolean isCsv(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        if (name.endsWith(".inkml") || name.endsWith(".xml")) {
            return false;
        }
        throw new IOException("unknown ink file type " + file + ": use .csv or .inkml");
    }

    /** Formats milliseconds with at most three decimals and no trailing zeros. */
    static String ms(double t) {
        if (t == Math.rint(t) && Math.abs(t) < 1e15) {
            return Long.toString((long) t);
        }
        String s = String.format(Locale.ROOT, "%.3f", t);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }
}
