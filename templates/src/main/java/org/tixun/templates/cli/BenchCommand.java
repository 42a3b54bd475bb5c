// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tixun.templates.DocumentData;
import org.tixun.templates.DocumentRenderer;
import org.tixun.templates.DocumentTemplate;
import org.tixun.templates.ExampleData;
import org.tixun.templates.InvalidDataException;
import org.tixun.templates.Lang;
import org.tixun.templates.RenderResult;
import org.tixun.templates.TemplateRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code template bench}: median render time of a 20-page and a 60-page interrogation record. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure render time of 20- and 60-page interrogation records (targets: < 1 s and < 3 s).")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", defaultValue = "7", description = "Measured runs per size (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured warm-up runs of each size (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--live", description = "Instead: the live-record (同屏) path per stage: final render, whole-record "
            + "preview, and the live page (one page written, grey), for the example record and a 20-page record "
            + "(last page at 100 dpi).")
    private boolean live;

    @Override
    public Integer call() throws InvalidDataException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (live) {
            return live(out);
        }
        DocumentTemplate template = TemplateRegistry.builtIn().find("INTERROGATION_RECORD").orElseThrow();
        DocumentRenderer renderer = new DocumentRenderer();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[][] targets = {{20, 1000}, {60, 3000}};
        DocumentData[] data = new DocumentData[targets.length];
        for (int t = 0; t < targets.length; t++) {
            data[t] = dataForPages(renderer, template, targets[t][0]);
        }
        // Warm the JIT on both sizes before measuring either.
        for (int i = 0; i < warmup; i++) {
            for (DocumentData d : data) {
                renderer.render(template, d, Lang.ZH);
            }
        }
        boolean met = true;
        for (int t = 0; t < targets.length; t++) {
            long[] wall = new long[Math.max(1, runs)];
            long[] cpu = new long[wall.length];
            int pages = 0;
            for (int i = 0; i < wall.length; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                RenderResult result = renderer.render(template, data[t], Lang.ZH);
                wall[i] = (System.nanoTime() - start) / 1_000_000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                pages = result.pageCount();
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            long median = wall[wall.length / 2];
            boolean ok = median < targets[t][1];
            met &= ok;
            out.printf("%2d pages (%d Q&A entries): median %d ms wall (min %d, max %d), median %d ms CPU, %d runs; target < %d ms: %s%n",
                    pages, data[t].qa().size(), median, wall[0], wall[wall.length - 1], cpu[cpu.length / 2],
                    wall.length, targets[t][1], ok ? "met" : "MISSED");
            out.flush();
        }
        return met ? TemplateCommand.OK : TemplateCommand.INVALID;
    }

    /**
     * Finds a Q&amp;A length that renders to exactly the wanted number of pages: the page count grows
     * monotonically with the entries and one entry is a fraction of a page, so the smallest length
     * reaching the target renders to exactly it; found by bisection around a proportional estimate.
     */
    static DocumentData dataForPages(DocumentRenderer renderer, DocumentTemplate template, int pages) throws InvalidDataException {
        int probe = pages * 8;
        int probePages = pageCount(renderer, template, probe);
        int estimate = Math.max(1, probe * pages / probePages);
        int lo = Math.max(1, estimate * 3 / 4);
        int hi = estimate * 5 / 4 + 2;
        while (pageCount(renderer, template, lo) >= pages && lo > 1) {
            lo = lo / 2;
        }
        while (pageCount(renderer, template, hi) < pages) {
            hi = hi * 2;
        }
        // Invariant: pages(lo) < target <= pages(hi).
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (pageCount(renderer, template, mid) >= pages) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return ExampleData.longInterrogationRecord(hi);
    }

    private static int pageCount(DocumentRenderer renderer, DocumentTemplate template, int entries) throws InvalidDataException {
        return renderer.render(template, ExampleData.longInterrogationRecord(entries), Lang.ZH).pageCount();
    }

    /**
     * Per-stage medians of three live paths in one run: the first (final PDF/A render, ImageIO PNG), the whole-record
     * preview (fast PNG), and the live page ({@link DocumentRenderer#renderLive}: one page written, GSUB-less font,
     * grey raster and PNG).
     */
    private int live(PrintWriter out) throws InvalidDataException, java.io.IOException {
        DocumentTemplate template = TemplateRegistry.builtIn().find("INTERROGATION_RECORD").orElseThrow();
        DocumentRenderer renderer = new DocumentRenderer();
        DocumentData[] data = {ExampleData.forKind("INTERROGATION_RECORD").orElseThrow(),
            dataForPages(renderer, template, 20)};
        for (DocumentData d : data) {
            for (String path : new String[] {"final", "preview", "live"}) {
                for (int i = 0; i < warmup; i++) {
                    livePath(renderer, template, d, path);
                }
                double[][] stages = new double[4][Math.max(1, runs)];
                int pages = 0;
                for (int i = 0; i < stages[0].length; i++) {
                    double[] t = livePath(renderer, template, d, path);
                    for (int s = 0; s < 4; s++) {
                        stages[s][i] = t[s];
                    }
                    pages = (int) t[4];
                }
                for (double[] s : stages) {
                    Arrays.sort(s);
                }
                int m = stages[0].length / 2;
                out.printf("live %-7s %2d pages: median layout to PDF %.1f ms, load + rasterise last page %.1f ms, PNG %.1f ms;"
                        + " total %.1f ms (min %.1f, max %.1f), %d runs%n", path, pages,
                        stages[0][m], stages[1][m], stages[2][m], stages[3][m], stages[3][0], stages[3][stages[3].length - 1],
                        stages[0].length);
                out.flush();
            }
        }
        return TemplateCommand.OK;
    }

    /** One pass of a live path; returns the stage times in ms and the page count. */
    private static double[] livePath(DocumentRenderer renderer, DocumentTemplate template, DocumentData data, String path)
            throws InvalidDataException, java.io.IOException {
        long t0 = System.nanoTime();
        byte[] pdf;
        int pageIndex;
        int pageCount;
        if (path.equals("live")) {
            org.tixun.templates.LivePage page = renderer.renderLive(template, data, Lang.ZH, data.qa().size() - 1, true);
            pdf = page.pdf();
            pageIndex = 0;
            pageCount = page.pageCount();
        } else {
            RenderResult r = path.equals("preview") ? renderer.renderPreview(template, data, Lang.ZH)
                    : renderer.render(template, data, Lang.ZH);
            pdf = r.pdf();
            pageIndex = r.pageCount() - 1;
            pageCount = r.pageCount();
        }
        long t1 = System.nanoTime();
        java.awt.image.BufferedImage img;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            img = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(pageIndex, 100f,
                    path.equals("live") ? org.apache.pdfbox.rendering.ImageType.GRAY : org.apache.pdfbox.rendering.ImageType.RGB);
        }
        long t2 = System.nanoTime();
        int size;
        if (path.equals("final")) {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", png);
            size = png.size();
        } else {
            size = org.tixun.templates.PageImages.fastPng(img).length;
        }
        long t3 = System.nanoTime();
        if (size == 0) {
            throw new IllegalStateException("empty PNG");
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6, pageCount};
    }
}
