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

    @Override
    public Integer call() throws InvalidDataException {
        PrintWriter out = spec.commandLine().getOut();
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
}
