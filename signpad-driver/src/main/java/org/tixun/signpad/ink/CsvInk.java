// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.ink;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CSV ink files: header {@code x,y,pressure,t_ms,contact}, one row per sample, hover rows included. */
public final class CsvInk {

    public static final String HEADER = "x,y,pressure,t_ms,contact";

    private CsvInk() {
    }

    public static void write(Path file, List<InkPoint> points) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (InkPoint p : points) {
                w.write(p.x() + "," + p.y() + "," + p.pressure() + "," + InkFormat.ms(p.tMs()) + ","
                        + (p.contact() ? 1 : 0));
                w.write('\n');
            }
        }
    }

    public static List<InkPoint> read(Path file) throws IOException {
        List<InkPoint> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || lineNo == 1 && t.startsWith("x")) {
                    continue;
                }
                String[] f = t.split(",");
                if (f.length != 5) {
                    throw new IOException(file + ":" + lineNo + ": expected 5 columns " + HEADER + ", got '" + t + "'");
                }
                try {
                    String c = f[4].strip();
                    if (!c.equals("0") && !c.equals("1")) {
                        throw new IOException(file + ":" + lineNo + ": contact must be 0 or 1, got '" + c + "'");
                    }
                    out.add(new InkPoint(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()),
                            Integer.parseInt(f[2].strip()), Double.parseDouble(f[3].strip()), c.equals("1")));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": not a number in '" + t + "'", e);
                }
            }
        }
        return out;
    }
}
