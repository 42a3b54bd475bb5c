// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.Lang;
import org.tixun.templates.LivePage;
import org.tixun.templates.PageImages;
import org.tixun.templates.QaEntry;

/**
 * The workstation side of the live record (同屏): every edit gets a revision; one worker renders at once when idle
 * and, while a render runs, keeps only the newest revision and renders it next (coalescing, no debounce: a keystroke
 * waits at most for the render in progress plus its own). Each render lays out the whole record with the final
 * record's layout ({@link DefaultTemplateService#renderLive}), finds the page where the entry being typed ends from
 * the layout, and only that page is written, rasterised in grey and encoded as a fast PNG for the link (latest wins).
 * The terminal echoes the revision it put on screen; each keystroke's latency is the time until a revision at least
 * as new was shown.
 *
 * <p>Until the first edit the worker warms the render path up in the background, rendering the template's example
 * record until the JIT has settled (see {@link #warmUpInBackground}; it stops at the first edit): the JIT needs a few
 * dozen renders before a render costs what it does in a long session (measured: ~1.4 s for the first, ~100 ms for the
 * tenth, ~45 ms after forty on an idle 2-core machine), and while it compiles it takes a core from everything else.
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
    private final Percentiles cpuMs = new Percentiles();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final TreeMap<Long, Long> keystrokes = new TreeMap<>();

    /** Background warm-up before the first edit: renders at least, at most, and the longest it runs. */
    static final int WARM_UP_MIN_RENDERS = 10;
    static final int WARM_UP_MAX_RENDERS = 150;
    static final long WARM_UP_MAX_MS = 20_000;
    static final long WARM_UP_SETTLE_WINDOW_MS = 3_000;
    private volatile boolean jitSettled;
    private volatile int warmUps;
    private volatile double lastWarmUpMs;
    private boolean warmUpEnded;

    private long revision;
    private DocumentData latest;
    private int latestEntry;
    private boolean latestInAnswer;
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
        // Revisions continue past any earlier publisher of the same session (a restarted workstation): the terminal
        // drops anything older than what it shows, so they start from the clock (microseconds), not from 1.
        this.revision = System.currentTimeMillis() * 1000;
        this.worker = new Thread(this::run, "tixun-live-record");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A new text state, the cursor given as text near it (see {@link #cursorEntry}).
     *
     * @param data the whole record as typed so far
     * @param cursorText text just typed or changed (the page showing it is sent), or null for the last page
     * @param keystrokeNanos {@link System#nanoTime()} of the keystroke
     * @return the revision number
     */
    public long edit(DocumentData data, String cursorText, long keystrokeNanos) {
        int[] at = cursorEntry(data, cursorText);
        return edit(data, at[0], at[1] == 1, keystrokeNanos);
    }

    /**
     * A new text state.
     *
     * @param data the whole record as typed so far
     * @param cursorEntry the 0-based Q&amp;A entry at the cursor (the page where it ends is sent), or -1 for the last
     *     page
     * @param inAnswer whether the cursor is in that entry's answer
     * @param keystrokeNanos {@link System#nanoTime()} of the keystroke
     * @return the revision number
     */
    public synchronized long edit(DocumentData data, int cursorEntry, boolean inAnswer, long keystrokeNanos) {
        revision++;
        if (latest == null) {
            firstPendingNanos = keystrokeNanos;
        }
        latest = data;
        latestEntry = cursorEntry < data.qa().size() ? cursorEntry : -1;
        latestInAnswer = inAnswer;
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

    /** How many background warm-up renders ran before the first edit, and the last one's time (ms). */
    public String warmUpSummary() {
        return String.format(java.util.Locale.ROOT, "%d warm-up renders, last %.0f ms, %s", warmUps, lastWarmUpMs,
                jitSettled ? "JIT settled" : "JIT not known to have settled");
    }

    /** Background warm-up renders so far. */
    public int warmUps() {
        return warmUps;
    }

    /** Render + rasterise + encode times (ms). */
    public Percentiles renderTimes() {
        return renderMs;
    }

    /** Layout of the record and writing the cursor page (ms). */
    public Percentiles layoutTimes() {
        return layoutMs;
    }

    /** Load + rasterise the cursor page times (ms). */
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

    /**
     * CPU time (ms) of the worker thread per render: beside {@link #renderTimes()} it tells a slow render (JIT still
     * warming up) from a starved one (other processes on the cores).
     */
    public Percentiles cpuTimes() {
        return cpuMs;
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

    private static final java.util.concurrent.atomic.AtomicBoolean PREWARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once per process, in a background thread: one live render of the template's example record, so the one-time
     * costs of the first render (class loading, parsing the 15 MB document font, about 1.5 s on an idle machine and
     * several seconds on a loaded one) are paid when the workstation starts, not when the first session types.
     * A session's own warm-up then only has the JIT left to do.
     */
    public static void prewarm(DefaultTemplateService templates, String kind, Lang lang) {
        if (!PREWARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            var sample = ExampleData.forKind(kind);
            if (sample.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            try {
                templates.renderLive(kind, forDisplay(sample.get()), lang, -1, false);
                LOG.info("live record renderer prewarmed in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (Exception e) {
                LOG.warn("live record prewarm failed (the first session renders cold): {}", e.toString());
            }
        }, "tixun-live-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Waits until the background warm-up has ended (done, or cut short by an edit or a failure), or the timeout
     * passes; for scripted sessions that start typing as soon as the link is up.
     *
     * @return whether the warm-up ended in time
     */
    public synchronized boolean awaitWarmedUp(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!warmUpEnded) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void run() {
        try {
            warmUpInBackground();
        } finally {
            synchronized (this) {
                warmUpEnded = true;
                notifyAll();
            }
        }
        while (!closed) {
            DocumentData data;
            int entry;
            boolean inAnswer;
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
                entry = latestEntry;
                inAnswer = latestInAnswer;
                rev = latestRevision;
                oldest = firstPendingNanos;
                latest = null;
            }
            try {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                waitMs.add((t0 - oldest) / 1e6);
                Rendered r = renderPage(forDisplay(data), entry, inAnswer);
                cpuMs.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
                layoutMs.add(r.layoutMs);
                rasterMs.add(r.rasterMs);
                encodeMs.add(r.encodeMs);
                renderMs.add((System.nanoTime() - t0) / 1e6);
                sink.accept(new LiveRecordUpdate(recordId, rev, r.page.pageIndex() + 1, r.page.pageCount(),
                        List.of(r.png), r.page.cursorY()));
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
     * Renders the example record until an edit arrives or the JIT has settled: at least {@value #WARM_UP_MIN_RENDERS}
     * renders, then until the compiler threads used less than a tenth of the wall time over the last
     * {@value #WARM_UP_SETTLE_WINDOW_MS} ms (the JVM's total compilation time), at most {@value #WARM_UP_MAX_RENDERS} renders or {@value #WARM_UP_MAX_MS} ms.
     * Never fails.
     */
    private void warmUpInBackground() {
        var sample = ExampleData.forKind(kind);
        if (sample.isEmpty()) {
            LOG.info("live record renderer: no example record of {} to warm up with", kind);
            return;
        }
        List<DocumentData> records = warmUpRecords(sample.get());
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        java.util.ArrayDeque<long[]> window = new java.util.ArrayDeque<>(); // {wall ms, compilation ms}
        for (int i = 0; i < WARM_UP_MAX_RENDERS && !closed; i++) {
            synchronized (this) {
                if (latest != null) {
                    break;
                }
            }
            long t0 = System.nanoTime();
            try {
                DocumentData data = records.get(i % records.size());
                renderPage(data, i % 3 == 2 ? 0 : -1, true);
            } catch (Exception e) {
                // The example is valid for its template; if it is not, the first real edit reports the problem.
                LOG.warn("live record warm-up render failed after {} renders: {}", i, e.toString());
                return;
            }
            long t1 = System.nanoTime();
            lastWarmUpMs = (t1 - t0) / 1e6;
            warmUps = i + 1;
            long now = t1 / 1_000_000;
            window.addLast(new long[] {now, timed ? jit.getTotalCompilationTime() : 0});
            while (window.size() > 2 && now - window.peekFirst()[0] > WARM_UP_SETTLE_WINDOW_MS) {
                window.removeFirst();
            }
            long w = now - window.peekFirst()[0];
            long c = window.peekLast()[1] - window.peekFirst()[1];
            // The total compilation time sums all compiler threads and counts a compilation when it ends: over a
            // window of seconds, one long compilation in progress cannot hide the JIT's activity.
            if (i + 1 >= WARM_UP_MIN_RENDERS && (!timed || (w >= WARM_UP_SETTLE_WINDOW_MS * 9 / 10 && c * 10 < w))) {
                jitSettled = timed;
                break;
            }
            if ((t1 - start) / 1_000_000 > WARM_UP_MAX_MS) {
                break;
            }
        }
        LOG.info("live record renderer: {}", warmUpSummary());
    }

    /**
     * What a recorder's typing looks like to the renderer: the example record growing from one entry to three times
     * its length, an entry half typed (「…」), and a marked correction; so the warm-up compiles the paths typing takes.
     */
    static List<DocumentData> warmUpRecords(DocumentData example) {
        List<QaEntry> source = example.qa();
        List<DocumentData> out = new java.util.ArrayList<>();
        if (source.isEmpty()) {
            out.add(forDisplay(example));
            return out;
        }
        List<QaEntry> qa = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * source.size(); i++) {
            QaEntry e = source.get(i % source.size());
            qa.add(i % 4 == 3 ? new QaEntry(e.q(), "{~~" + e.a() + "~>" + e.a() + "。~~}") : e);
            out.add(forDisplay(example.withQa(new java.util.ArrayList<>(qa))));
            List<QaEntry> half = new java.util.ArrayList<>(qa);
            half.add(new QaEntry(e.q().substring(0, e.q().length() / 2), ""));
            out.add(forDisplay(example.withQa(half)));
        }
        return out;
    }

    private record Rendered(LivePage page, byte[] png, double layoutMs, double rasterMs, double encodeMs) {}

    private Rendered renderPage(DocumentData data, int entry, boolean inAnswer) throws Exception {
        long t0 = System.nanoTime();
        LivePage page = templates.renderLive(kind, data, lang, entry, inAnswer);
        long t1 = System.nanoTime();
        BufferedImage img;
        try (PDDocument doc = Loader.loadPDF(page.pdf())) {
            img = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY);
        }
        long t2 = System.nanoTime();
        byte[] png = PageImages.fastPng(img);
        long t3 = System.nanoTime();
        return new Rendered(page, png, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /**
     * The entry holding {@code cursor} as {entry, 1 if in the answer}: the cursor's last line without a leading
     * 问：/答：/Q:/A: label, whitespace ignored, its first ten characters, searched from the last entry, answers
     * before questions; {-1, 0} (the last page) if that is blank or not found.
     */
    static int[] cursorEntry(DocumentData data, String cursor) {
        if (cursor == null) {
            return new int[] {-1, 0};
        }
        String last = cursor.substring(cursor.lastIndexOf('\n') + 1).strip();
        for (String label : RecordWords.QA_LABELS) {
            if (last.startsWith(label)) {
                last = last.substring(label.length());
                break;
            }
        }
        if (last.isBlank()) {
            return new int[] {-1, 0};
        }
        String needle = last.replaceAll("\\s+", "");
        needle = needle.substring(0, Math.min(needle.length(), 10));
        List<QaEntry> qa = data.qa();
        for (int i = qa.size() - 1; i >= 0; i--) {
            if (qa.get(i).a().replaceAll("\\s+", "").contains(needle)) {
                return new int[] {i, 1};
            }
            if (qa.get(i).q().replaceAll("\\s+", "").contains(needle)) {
                return new int[] {i, 0};
            }
        }
        return new int[] {-1, 0};
    }

    /**
     * While typing, a question has no answer yet (or the last entry is half typed): the live view shows an ellipsis
     * there, since the template requires both; the frozen record is validated as typed.
     */
    static DocumentData forDisplay(DocumentData data) {
        List<QaEntry> qa = new java.util.ArrayList<>();
        for (var e : data.qa()) {
            qa.add(new QaEntry(e.q().isBlank() ? "…" : e.q(), e.a().isBlank() ? "…" : e.a()));
        }
        return data.withQa(qa);
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
