// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.bench;

import org.tixun.signpad.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.bench.PadBenchmark.DecodeResult;
import org.tixun.signpad.bench.PadBenchmark.LatencyResult;
import org.tixun.signpad.bench.PadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pad bench}: decode throughput per protocol and byte-to-listener latency through a pty, against targets. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark decoders (samples/s on one thread) and pty latency (p50/p99 at --rate samples/s).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "1", description = "Measuring time per decoder.")
    double seconds;

    @Option(names = "--latency-samples", defaultValue = "2500", description = "Samples for the pty latency run (0 skips it).")
    int latencySamples;

    @Option(names = "--rate", defaultValue = "500", description = "Sample rate of the latency run.")
    double rate;

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        boolean ok = true;
        o.printf(Locale.ROOT, "Decode throughput, one thread (target >= %.0fx the fastest pad rate, %.0f samples/s)%n",
                PadBenchmark.DECODE_TARGET_RATIO, PadBenchmark.FASTEST_PAD_RATE);
        for (PadProtocol p : PadProtocol.values()) {
            DecodeResult r = PadBenchmark.decode(p, Duration.ofMillis((long) (seconds * 1000)));
            boolean pass = r.ratio() >= PadBenchmark.DECODE_TARGET_RATIO;
            ok &= pass;
            o.printf(Locale.ROOT, "  %-10s %,14.0f samples/s  %,10.0fx  %s%n", p.cliName(), r.samplesPerSecond(),
                    r.ratio(), pass ? "PASS" : "FAIL");
            o.flush();
        }
        if (latencySamples > 0) {
            try {
                LatencyResult l = PadBenchmark.ptyLatency(latencySamples, rate);
                boolean pass = l.p99() < PadBenchmark.LATENCY_TARGET_P99_MS && l.received() == l.sent();
                ok &= pass;
                o.printf(Locale.ROOT, "Latency byte write -> listener, ISDV4 through socat pty + jSerialComm at %.0f"
                        + " samples/s (target p99 < %.1f ms)%n", l.rateHz(), PadBenchmark.LATENCY_TARGET_P99_MS);
                o.printf(Locale.ROOT, "  sent %d, received %d  p50 %.3f ms  p99 %.3f ms  max %.3f ms  %s%n", l.sent(),
                        l.received(), l.p50(), l.p99(), l.max(), pass ? "PASS" : "FAIL");
                o.printf(Locale.ROOT, "  of which read returned -> listener (decode, stamp, dispatch): p50 %.3f ms"
                        + "  p99 %.3f ms  max %.3f ms%n", l.readP50(), l.readP99(), l.readMax());
                o.printf(Locale.ROOT, "  load average %s (the pty path includes socat and the kernel scheduler)%n",
                        loadAverage());
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: latency run failed: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.ENVIRONMENT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.ENVIRONMENT;
            }
        }
        o.flush();
        return ok ? ExitCodes.OK : ExitCodes.TARGET_MISSED;
    }
}
