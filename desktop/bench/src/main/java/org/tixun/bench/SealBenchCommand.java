// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.demo.DemoSessionPair;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.demo.PadSignatureSource;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.demo.SessionScript;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.users.PasswordHasher;
import org.tixun.templates.QaEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-seal}: the wait a prosecutor sees between the last signature and the sealed record. Runs the
 * demo's remote session in this process (mutual-TLS loopback, recording on with synthetic camera and tone unless
 * {@code --no-media}), freezes the demo record, signs every terminal slot with the simulated pad and the
 * workstation's slots with it too, and times from the last signature event to SEALED, step by step.
 */
@Command(name = "bench-seal", mixinStandardHelpOptions = true,
        description = "Freeze -> sealed: time from the last signature to the sealed record, per sealing step.")
public final class SealBenchCommand implements Callable<Integer> {
    @Option(names = "--runs", description = "Timed runs (default 3; one untimed warm-up first).", defaultValue = "3")
    int runs;
    @Option(names = "--no-media", description = "Without audio/video and recording.")
    boolean noMedia;
    @Option(names = "--record-seconds", description = "Seconds of recording before freezing (default 5).",
            defaultValue = "5")
    int recordSeconds;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tixun-bench-seal");
        List<Map<String, Double>> results = new ArrayList<>();
        try (CoreServices core = CoreServices.open(org.tixun.core.config.DataDir.at(dir))) {
            DemoData.ensure(core, PasswordHasher.DEFAULT);
            for (int run = 0; run <= runs; run++) {
                Map<String, Double> r = once(core, dir.resolve("pad-" + run));
                if (run == 0) {
                    out.printf("warm-up (not counted): last signature -> sealed %.0f ms%n", r.get("after-last"));
                    continue;
                }
                results.add(r);
                out.printf("run %d: freeze %.0f ms, last signature -> sealed %.0f ms (%s)%n", run, r.get("freeze"),
                        r.get("after-last"), steps(r));
                out.flush();
            }
        } finally {
            deleteTree(dir);
        }
        double[] after = results.stream().mapToDouble(r -> r.get("after-last")).sorted().toArray();
        double median = after[after.length / 2];
        out.printf("machine: %d cores, load %s; media %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], noMedia ? "off" : "on (recording)");
        out.printf("median last signature -> sealed: %.0f ms (target <= 5000 ms: %s)%n", median,
                median <= 5000 ? "met" : "NOT met");
        return 0;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(SealBenchCommand.class).warn("bench folder {} not removed: {}", dir,
                    e.toString());
        }
    }

    private static String steps(Map<String, Double> r) {
        StringBuilder s = new StringBuilder();
        for (String step : WorkstationFlow.SEAL_STEPS) {
            Double ms = r.get(step);
            if (ms != null) {
                s.append(s.length() == 0 ? "" : ", ").append(step.toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(Math.round(ms)).append(" ms");
            }
        }
        return s.toString();
    }

    private Map<String, Double> once(CoreServices core, Path padDir) throws Exception {
        Map<String, Long> at = new ConcurrentHashMap<>();
        try (DemoSessionPair pair = DemoSessionPair.start(core, "基准终端", "基准工作站", !noMedia,
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed)) {
            WorkstationFlow ws = pair.workstation();
            ws.addListener(new FlowListener() {
                @Override
                public void signed(PlannedSlot slot, SignatureEvent event) {
                    at.put("last-signature", System.nanoTime());
                }

                @Override
                public void sealStep(String step) {
                    at.put(step, System.nanoTime());
                }

                @Override
                public void phase(String phase) {
                    at.putIfAbsent("phase-" + phase, System.nanoTime());
                }
            });
            if (!pair.workstationLink().awaitState(LinkState.CONNECTED, Duration.ofSeconds(60))) {
                throw new IllegalStateException("the bench's link did not connect");
            }
            Thread.sleep(recordSeconds * 1000L);
            SessionScript script = SessionScript.demo();
            List<QaEntry> qa = new ArrayList<>();
            for (SessionScript.Qa e : script.qa) {
                qa.add(new QaEntry(e.q, e.a));
            }
            long f0 = System.nanoTime();
            ws.freezeAndSend(script.baseData().withQa(qa));
            long f1 = System.nanoTime();
            signAtTerminal(pair.terminal(), new PadSignatureSource(padDir, 1000), org.tixun.demo.DemoPhotos.source());
            if (!ws.awaitEnd(Duration.ofMinutes(5)) || ws.phase() != WorkstationFlow.Phase.SEALED) {
                throw new IllegalStateException("the bench's session did not seal (phase " + ws.phase() + ")");
            }
            long sealed = at.getOrDefault("phase-SEALED", System.nanoTime());
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("freeze", (f1 - f0) / 1e6);
            r.put("after-last", (sealed - at.get("last-signature")) / 1e6);
            List<String> steps = WorkstationFlow.SEAL_STEPS;
            for (int i = 0; i < steps.size(); i++) {
                Long from = at.get(steps.get(i));
                Long to = i + 1 < steps.size() ? at.get(steps.get(i + 1)) : Long.valueOf(sealed);
                if (from != null && to != null) {
                    r.put(steps.get(i), (to - from) / 1e6);
                }
            }
            return r;
        }
    }

    private static void signAtTerminal(TerminalFlow terminal, PadSignatureSource pad, PhotoSource camera)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        TerminalFlow.Step s = terminal.current();
        while (s.kind() != TerminalFlow.StepKind.DONE && s.kind() != TerminalFlow.StepKind.ENDED
                && System.nanoTime() < deadline) {
            switch (s.kind()) {
                case READING -> terminal.chooseReading(ReadingConfirmation.Path.READ);
                case SLOT -> {
                    boolean first = s.index() == 0 || !terminal.state().slots.get(s.index() - 1).signer()
                            .equals(s.slot().signer());
                    terminal.complete(s.slot(), pad.capture(s.slot(), s.index()), first ? camera.snapshot() : null,
                            camera.snapshot());
                }
                default -> {
                }
            }
            s = terminal.awaitStepChange(s, Duration.ofMillis(500));
        }
    }
}
