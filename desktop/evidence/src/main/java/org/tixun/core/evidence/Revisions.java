// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;

/**
 * The incremental revisions of a PDF, oldest first, found by following the cross-reference chain back from the end of
 * the file (startxref → section → /Prev → ...), each opened as the document it was when that revision was written.
 * Either cross-reference style (classic table or stream) works; a section iText would have to rebuild or fix, a /Prev
 * that points nowhere, or bytes after the last %%EOF are structural problems, not exceptions.
 */
final class Revisions implements AutoCloseable {
    private static final Method XREF;
    private static final Method XREF_GET;
    private static final Method XREF_SIZE;

    static {
        try {
            XREF = PdfDocument.class.getDeclaredMethod("getXref");
            XREF.setAccessible(true);
            Class<?> table = Class.forName("com.itextpdf.kernel.pdf.PdfXrefTable");
            XREF_GET = table.getDeclaredMethod("get", int.class);
            XREF_GET.setAccessible(true);
            XREF_SIZE = table.getDeclaredMethod("size");
            XREF_SIZE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One revision.
     *
     * @param index 0 for the oldest
     * @param end byte length of the file as this revision left it (just after its %%EOF line)
     * @param xrefOffset offset of its cross-reference section
     * @param doc the document as of this revision (read only)
     */
    record Revision(int index, long end, long xrefOffset, PdfDocument doc) {
        /** The cross-reference entry of an object number, or null when the revision has none. */
        PdfIndirectReference entry(int number) {
            try {
                Object table = XREF.invoke(doc);
                return (PdfIndirectReference) XREF_GET.invoke(table, number);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("iText cross-reference table not accessible", e);
            }
        }

        /** Number of entries (highest object number + 1). */
        int size() {
            try {
                return (int) XREF_SIZE.invoke(XREF.invoke(doc));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("iText cross-reference table not accessible", e);
            }
        }

        /** True when the object is in use in this revision. */
        boolean inUse(int number) {
            PdfIndirectReference r = entry(number);
            return r != null && !r.isFree();
        }
    }

    private final List<Revision> revisions;
    private final List<Message> problems;

    private Revisions(List<Revision> revisions, List<Message> problems) {
        this.revisions = revisions;
        this.problems = problems;
    }

    /** Oldest first. */
    List<Revision> list() {
        return revisions;
    }

    /** Structural problems found while walking the chain (empty for a clean file). */
    List<Message> problems() {
        return problems;
    }

    /** The revision ending exactly at {@code end}, or null. */
    Revision endingAt(long end) {
        for (Revision r : revisions) {
            if (r.end() == end) {
                return r;
            }
        }
        return null;
    }

    /**
     * Walks the chain. The newest revision must open without iText rebuilding its cross-references; older ones that do
     * not are reported and the walk stops there.
     *
     * @throws IOException when the file as a whole is not a readable PDF
     */
    static Revisions read(byte[] pdf) throws IOException {
        List<Message> problems = new ArrayList<>();
        int end = eofEnd(pdf, pdf.length);
        if (end < 0) {
            throw new LocalizedIOException(EvidenceMessages.of("revisions.noEof"));
        }
        if (end < pdf.length && !blank(pdf, end, pdf.length)) {
            problems.add(EvidenceMessages.of("revisions.trailingBytes", pdf.length - end));
        }
        List<Revision> newestFirst = new ArrayList<>();
        try {
            while (true) {
                PdfDocument doc = open(pdf, end);
                PdfReader reader = doc.getReader();
                if (reader.hasRebuiltXref() || reader.hasFixedXref()) {
                    problems.add(EvidenceMessages.of("revisions.xrefDamaged", end));
                    if (newestFirst.isEmpty()) {
                        newestFirst.add(new Revision(0, end, reader.getLastXref(), doc));
                    } else {
                        doc.close();
                    }
                    break;
                }
                long xref = startxref(pdf, end);
                if (xref < 0) {
                    xref = reader.getLastXref();
                }
                if (newestFirst.isEmpty()) {
                    int own = xref < 0 || xref >= end ? -1 : revisionEnd(pdf, (int) xref, end);
                    if (own > 0 && own < end && !blank(pdf, own, end)) {
                        problems.add(EvidenceMessages.of("revisions.trailingBytesAfterXref", end - own));
                    }
                }
                newestFirst.add(new Revision(0, end, xref, doc));
                long p = prev(pdf, (int) xref, end);
                if (p < 0) {
                    break;
                }
                int prevEnd = p < 0 || p >= xref ? -1 : revisionEnd(pdf, (int) p, (int) xref);
                if (prevEnd < 0 || prevEnd > xref) {
                    problems.add(EvidenceMessages.of("revisions.badPrev", end, p));
                    break;
                }
                end = prevEnd;
            }
        } catch (IOException | RuntimeException e) {
            if (newestFirst.isEmpty()) {
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            problems.add(EvidenceMessages.of("revisions.earlierUnreadable", e));
        }
        Collections.reverse(newestFirst);
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Revision r = newestFirst.get(i);
            out.add(new Revision(i, r.end(), r.xrefOffset(), r.doc()));
        }
        return new Revisions(out, problems);
    }

    private static PdfDocument open(byte[] pdf, int end) throws IOException {
        try {
            byte[] readable = ClassicSections.readable(pdf, end);
            return new PdfDocument(new PdfReader(readable == null ? new ByteArrayInputStream(pdf, 0, end)
                    : new ByteArrayInputStream(readable)));
        } catch (com.itextpdf.kernel.exceptions.PdfException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Offset named by the last "startxref" before {@code end}, or -1. */
    static long startxref(byte[] pdf, int end) {
        byte[] marker = "startxref".getBytes(StandardCharsets.US_ASCII);
        for (int i = end - marker.length; i >= 0; i--) {
            if (matches(pdf, i, marker)) {
                int j = skipWhite(pdf, i + marker.length);
                long n = 0;
                int digits = 0;
                while (j < end && pdf[j] >= '0' && pdf[j] <= '9' && digits < 15) {
                    n = n * 10 + (pdf[j++] - '0');
                    digits++;
                }
                return digits == 0 ? -1 : n;
            }
        }
        return -1;
    }

    /**
     * The /Prev of the trailer (classic table) or cross-reference stream dictionary that starts at {@code xref}, or -1
     * (iText drops /Prev from the trailer it keeps for streams, so it is read from the bytes here).
     */
    static long prev(byte[] pdf, int xref, int end) {
        if (xref < 0 || xref >= pdf.length) {
            return -1;
        }
        int stop = Math.min(end, pdf.length);
        String head = new String(pdf, xref, Math.min(stop - xref, 64), StandardCharsets.ISO_8859_1);
        int from = xref;
        if (head.startsWith("xref")) {
            int t = indexOf(pdf, "trailer".getBytes(StandardCharsets.US_ASCII), xref, stop);
            if (t < 0) {
                return -1;
            }
            from = t;
            int sx = indexOf(pdf, "startxref".getBytes(StandardCharsets.US_ASCII), t, stop);
            stop = sx < 0 ? stop : sx;
        } else {
            int st = indexOf(pdf, "stream".getBytes(StandardCharsets.US_ASCII), xref, stop);
            stop = st < 0 ? stop : st;
        }
        int at = indexOf(pdf, "/Prev".getBytes(StandardCharsets.US_ASCII), from, stop);
        if (at < 0) {
            return -1;
        }
        int j = skipWhite(pdf, at + 5);
        long n = 0;
        int digits = 0;
        while (j < stop && pdf[j] >= '0' && pdf[j] <= '9' && digits < 15) {
            n = n * 10 + (pdf[j++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : n;
    }

    static int indexOf(byte[] pdf, byte[] what, int from, int to) {
        for (int i = Math.max(0, from); i <= to - what.length; i++) {
            if (matches(pdf, i, what)) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the revision whose cross-reference section starts at {@code xref}: after "startxref xref %%EOF". */
    private static int revisionEnd(byte[] pdf, int xref, int limit) {
        byte[] marker = "startxref".getBytes(StandardCharsets.US_ASCII);
        for (int i = xref; i <= limit - marker.length; i++) {
            if (!matches(pdf, i, marker)) {
                continue;
            }
            int j = skipWhite(pdf, i + marker.length);
            long n = 0;
            int digits = 0;
            while (j < pdf.length && pdf[j] >= '0' && pdf[j] <= '9' && digits < 15) {
                n = n * 10 + (pdf[j++] - '0');
                digits++;
            }
            if (digits == 0 || n != xref) {
                continue;
            }
            j = skipWhite(pdf, j);
            if (matches(pdf, j, "%%EOF".getBytes(StandardCharsets.US_ASCII))) {
                return eol(pdf, j + 5);
            }
        }
        return -1;
    }

    /** End (after the line end) of the last %%EOF at or before {@code limit}, or -1. */
    private static int eofEnd(byte[] pdf, int limit) {
        byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        for (int i = limit - marker.length; i >= 0; i--) {
            if (matches(pdf, i, marker)) {
                return eol(pdf, i + marker.length);
            }
        }
        return -1;
    }

    private static int eol(byte[] pdf, int at) {
        if (at < pdf.length && pdf[at] == '\r') {
            at++;
        }
        if (at < pdf.length && pdf[at] == '\n') {
            at++;
        }
        return at;
    }

    static int skipWhite(byte[] pdf, int at) {
        while (at < pdf.length && (pdf[at] == ' ' || pdf[at] == '\r' || pdf[at] == '\n' || pdf[at] == '\t'
                || pdf[at] == '\f' || pdf[at] == 0)) {
            at++;
        }
        return at;
    }

    private static boolean blank(byte[] pdf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pdf[i] != ' ' && pdf[i] != '\r' && pdf[i] != '\n' && pdf[i] != '\t' && pdf[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(byte[] pdf, int at, byte[] what) {
        if (at < 0 || at + what.length > pdf.length) {
            return false;
        }
        for (int k = 0; k < what.length; k++) {
            if (pdf[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (Revision r : revisions) {
            try {
                r.doc().close();
            } catch (RuntimeException e) {
                // A read-only document holds no resources worth reporting at close.
                continue;
            }
        }
    }
}
