// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Classic cross-reference tables appended to a file whose earlier sections are cross-reference streams (a /DSS update
 * written by another tool, for instance) are valid PDF, but iText only follows /Prev from a table to another table.
 * For reading such a revision, a copy of it gets each such table re-expressed as an equivalent cross-reference stream
 * appended after the original bytes (objects stay where they are; only the index is added). Signatures and hashes
 * always use the original bytes.
 */
final class ClassicSections {
    private ClassicSections() {
    }

    private record Entry(int number, long offset, int gen, boolean inUse) {
    }

    private record Table(long offset, List<Entry> entries, String trailer, long prev, int size) {
    }

    /** A readable copy of the first {@code end} bytes, or null when iText can read them as they are. */
    static byte[] readable(byte[] pdf, int end) {
        long x = Revisions.startxref(pdf, end);
        List<Table> tables = new ArrayList<>();
        while (x >= 0 && x < end && isTable(pdf, (int) x)) {
            Table t = parse(pdf, (int) x, end);
            if (t == null || tables.size() > 1000) {
                return null;
            }
            tables.add(t);
            x = t.prev();
        }
        if (tables.isEmpty() || x < 0) {
            return null; // no tables, or tables all the way down: iText reads them
        }
        int size = tables.stream().mapToInt(Table::size).max().orElse(0);
        Collections.reverse(tables);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + 4096);
        out.write(pdf, 0, end);
        long prev = x;
        int number = size;
        for (Table t : tables) {
            long at = out.size() + 1;
            StringBuilder index = new StringBuilder();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (Entry e : t.entries()) {
                index.append(e.number()).append(" 1 ");
                data.write(e.inUse() ? 1 : 0);
                long off = e.inUse() ? e.offset() : 0;
                for (int k = 3; k >= 0; k--) {
                    data.write((int) (off >>> (8 * k)) & 0xFF);
                }
                data.write((e.gen() >>> 8) & 0xFF);
                data.write(e.gen() & 0xFF);
            }
            index.append(number).append(" 1");
            data.write(1);
            for (int k = 3; k >= 0; k--) {
                data.write((int) (at >>> (8 * k)) & 0xFF);
            }
            data.write(0);
            data.write(0);
            String inner = t.trailer().replaceAll("/(Prev|Size|XRefStm|Type|W|Index|Length|Filter|DecodeParms)\\s+"
                    + "[0-9]+", "");
            String dict = "<</Type/XRef/W[1 4 2]/Index[" + index + "]/Size " + (number + 1) + "/Prev " + prev
                    + "/Length " + data.size() + inner + ">>";
            String head = "\n" + number + " 0 obj\n" + dict + "\nstream\n";
            out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(data.toByteArray());
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
            prev = at;
            number++;
        }
        out.writeBytes(("startxref\n" + prev + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static boolean isTable(byte[] pdf, int at) {
        return Revisions.matches(pdf, at, "xref".getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses "xref" subsections and the trailer dictionary's text; null when malformed. */
    private static Table parse(byte[] pdf, int at, int end) {
        int i = at + 4;
        List<Entry> entries = new ArrayList<>();
        while (true) {
            i = Revisions.skipWhite(pdf, i);
            if (Revisions.matches(pdf, i, "trailer".getBytes(StandardCharsets.US_ASCII))) {
                break;
            }
            long[] head = new long[2];
            for (int k = 0; k < 2; k++) {
                i = Revisions.skipWhite(pdf, i);
                int start = i;
                while (i < end && pdf[i] >= '0' && pdf[i] <= '9') {
                    i++;
                }
                if (i == start || i - start > 12) {
                    return null;
                }
                head[k] = Long.parseLong(new String(pdf, start, i - start, StandardCharsets.US_ASCII));
            }
            if (head[1] > 1_000_000) {
                return null;
            }
            for (int n = 0; n < head[1]; n++) {
                i = Revisions.skipWhite(pdf, i);
                if (i + 18 > end) {
                    return null;
                }
                String line = new String(pdf, i, 18, StandardCharsets.US_ASCII);
                try {
                    long off = Long.parseLong(line.substring(0, 10));
                    int gen = Integer.parseInt(line.substring(11, 16));
                    char type = line.charAt(17);
                    entries.add(new Entry((int) head[0] + n, off, gen, type == 'n'));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    return null;
                }
                i += 18;
            }
        }
        int open = Revisions.indexOf(pdf, "<<".getBytes(StandardCharsets.US_ASCII), i, end);
        if (open < 0) {
            return null;
        }
        int depth = 0;
        int close = -1;
        for (int k = open; k < end - 1; k++) {
            if (pdf[k] == '<' && pdf[k + 1] == '<') {
                depth++;
                k++;
            } else if (pdf[k] == '>' && pdf[k + 1] == '>') {
                depth--;
                k++;
                if (depth == 0) {
                    close = k - 1;
                    break;
                }
            }
        }
        if (close < 0) {
            return null;
        }
        String trailer = new String(pdf, open + 2, close - open - 2, StandardCharsets.ISO_8859_1);
        long prev = -1;
        int size = 0;
        var m = java.util.regex.Pattern.compile("/Prev\\s+([0-9]+)").matcher(trailer);
        if (m.find()) {
            prev = Long.parseLong(m.group(1));
        }
        m = java.util.regex.Pattern.compile("/Size\\s+([0-9]+)").matcher(trailer);
        if (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        for (Entry e : entries) {
            size = Math.max(size, e.number() + 1);
        }
        return new Table(at, entries, trailer, prev, size);
    }
}
