// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.Lang;
import org.tixun.templates.PageImages;
import org.tixun.templates.RenderResult;

/**
 * The workstation side of the live record (同屏): every edit gets a revision; one worker renders at once when idle
 * and, while a render runs, keeps only the newest revision and renders it next (coalescing, no debounce: a keystroke
 * waits at most for the render in progress plus its own). Each render is a display-only preview with the same layout
 * as the final record ({@link DefaultTemplateService#renderPreview}); only the page at the cursor is rasterised,
 * encoded as a fast PNG and handed to the link (latest wins). The terminal echoes the revision it put on screen;
 * each keystroke's latency is the time until a revision at least as new was shown.
 */
public final class LivePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePublisher.class);

    private final String recordId;
    private final String kind;
    private final Lang lang;
    private final DefaultTemplateService templates;
    private final Consumer<LiveRecordUpdate> sink;
    private final float dpi;
    private final Thread worker;
    private final Percentiles latency = new Percentiles();
    private final Percentiles renderMs = new Percentiles();
    private final Percentiles layoutMs = new Percentiles();
    private final Percentiles rasterMs = new Percentiles();
    private final Percentiles encodeMs = new Percentiles();
    private final Percentiles waitMs = new Percentiles();
    private final TreeMap<Long, Long> keystrokes = new TreeMap<>();

    private long revision;
    private DocumentData latest;
    private String latestCursor;
    private long latestRevision;
    private long firstPendingNanos;
    private long renderedRevision;
    private volatile boolean closed;
    private volatile Exception failure;

    public LivePublisher(String recordId, String kind, Lang lang, DefaultTemplateService templates,
            Consumer<LiveRecordUpdate> sink, float dpi) {
        this.recordId = Objects.requireNonNull(recordId);
        this.kind = kind;
        this.lang = lang;
        this.templates = templates;
        this.sink = sink;
        this.dpi = dpi;
        this.worker = new Thread(this::run, "tixun-live-record");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A new text state.
     *
     * @param data the whole record as typed so far
     * @param cursorText text just typed or changed (the page showing it is sent), or null for the last page
     * @param keystrokeNanos {@link System#nanoTime()} of the keystroke
     * @return the revision number
     */
    public synchronized long edit(DocumentData data, String cursorText, long keystrokeNanos) {
        revision++;
        if (latest == null) {
            firstPendingNanos = keystrokeNanos;
        }
        latest = data;
        latestCursor = cursorText;
        latestRevision = revision;
        keystrokes.put(revision, keystrokeNanos);
        notifyAll();
        return revision;
    }

    /** The terminal showed {@code shownRevision}: every keystroke up to it is now on screen. */
    public synchronized void shown(long shownRevision) {
        long now = System.nanoTime();
        var done = keystrokes.headMap(shownRevision, true);
        for (long t : done.values()) {
            latency.add((now - t) / 1e6);
        }
        done.clear();
    }

    /** Keystroke to terminal-shown latencies (ms). */
    public Percentiles latency() {
        return latency;
    }

    /** Render + rasterise + encode times (ms). */
    public Percentiles renderTimes() {
        return renderMs;
    }

    /** Per-stage times (ms) of the renders: preview layout to PDF, load + find page + rasterise, PNG encoding. */
    public Percentiles layoutTimes() {
        return layoutMs;
    }

    /** Load + find the cursor page + rasterise times (ms). */
    public Percentiles rasterTimes() {
        return rasterMs;
    }

    /** PNG encoding times (ms). */
    public Percentiles encodeTimes() {
        return encodeMs;
    }

    /** Time (ms) from the oldest keystroke of a render's batch until its render started (a render in progress). */
    public Percentiles waitTimes() {
        return waitMs;
    }

    /** The newest revision number handed out. */
    public synchronized long revision() {
        return revision;
    }

    /** A render failure of the worker (invalid data), or null. */
    public Exception failure() {
        return failure;
    }

    /** Waits until the newest edit has been rendered and sent (or the timeout passes). */
    public synchronized boolean awaitRendered(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (renderedRevision < revision) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Renders once on the calling thread before the first keystroke (class loading, fonts, JIT); not sent, not
     * counted in the figures.
     */
    public void warmUp(DocumentData sample) throws Exception {
        for (int i = 0; i < 3; i++) {
            RenderResult r = templates.renderPreview(kind, forDisplay(sample), lang);
            try (PDDocument doc = Loader.loadPDF(r.pdf())) {
                PageImages.fastPng(new PDFRenderer(doc).renderImageWithDPI(r.pageCount() - 1, dpi, ImageType.RGB));
            }
        }
    }

    private void run() {
        while (!closed) {
            DocumentData data;
            String cursor;
            long rev;
            long oldest;
            synchronized (this) {
                try {
                    while (!closed && latest == null) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                data = latest;
                cursor = latestCursor;
                rev = latestRevision;
                oldest = firstPendingNanos;
                latest = null;
            }
            try {
                long t0 = System.nanoTime();
                waitMs.add((t0 - oldest) / 1e6);
                RenderResult r = templates.renderPreview(kind, forDisplay(data), lang);
                long t1 = System.nanoTime();
                int page;
                BufferedImage img;
                try (PDDocument doc = Loader.loadPDF(r.pdf())) {
                    page = pageOf(doc, cursor);
                    img = new PDFRenderer(doc).renderImageWithDPI(page, dpi, ImageType.RGB);
                }
                long t2 = System.nanoTime();
                byte[] png = PageImages.fastPng(img);
                long t3 = System.nanoTime();
                layoutMs.add((t1 - t0) / 1e6);
                rasterMs.add((t2 - t1) / 1e6);
                encodeMs.add((t3 - t2) / 1e6);
                renderMs.add((t3 - t0) / 1e6);
                sink.accept(new LiveRecordUpdate(recordId, rev, page + 1, r.pageCount(), List.of(png)));
            } catch (Exception e) {
                failure = e;
                LOG.warn("live record revision {} not rendered: {}", rev, e.toString());
            }
            synchronized (this) {
                renderedRevision = Math.max(renderedRevision, rev);
                notifyAll();
            }
        }
    }

    /**
     * While typing, a question has no answer yet (or the last entry is half typed): the live view shows an ellipsis
     * there, since the template requires both; the frozen record is validated as typed.
     */
    static DocumentData forDisplay(DocumentData data) {
        List<org.tixun.templates.QaEntry> qa = new java.util.ArrayList<>();
        for (var e : data.qa()) {
            qa.add(new org.tixun.templates.QaEntry(e.q().isBlank() ? "…" : e.q(), e.a().isBlank() ? "…" : e.a()));
        }
        return data.withQa(qa);
    }

    /** The page showing {@code cursor} (searching from the end), else the last page. */
    static int pageOf(PDDocument doc, String cursor) throws IOException {
        int last = doc.getNumberOfPages() - 1;
        if (cursor == null || cursor.isBlank() || last == 0) {
            return last;
        }
        String needle = cursor.replaceAll("\\s+", "");
        needle = needle.substring(0, Math.min(needle.length(), 10));
        PDFTextStripper strip = new PDFTextStripper();
        for (int p = last; p >= 0; p--) {
            strip.setStartPage(p + 1);
            strip.setEndPage(p + 1);
            if (strip.getText(doc).replaceAll("\\s+", "").contains(needle)) {
                return p;
            }
        }
        return last;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        worker.interrupt();
    }
}
