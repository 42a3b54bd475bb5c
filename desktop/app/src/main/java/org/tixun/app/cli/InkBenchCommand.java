// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.tixun.app.ui.ink.InkLatency;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.core.TixunException;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.model.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-ink}: latency from a pen sample's arrival to its ink stroke on the canvas, fed
 * from another thread at a pad's rate, against the frame budget measured in the same run.
 */
@Command(name = "bench-ink", mixinStandardHelpOptions = true,
        description = "Benchmark: pen sample arrival -> ink drawn on the SignatureCanvas (needs a display, e.g. xvfb-run).")
public final class InkBenchCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--rate", defaultValue = "500", description = "Samples per second (default ${DEFAULT-VALUE}).")
    int rate;
    @Option(names = "--seconds", defaultValue = "5", description = "Duration (default ${DEFAULT-VALUE}).")
    int seconds;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new TixunException(TixunException.Exit.USAGE, "bench-ink needs a display: xvfb-run ./tixun bench-ink");
        }
        PadInfo pad = new PadInfo("bench", Transport.SIMULATED, "memory", 26_202, 16_325, 1023, true, false, 100, rate,
                0, 0, false);
        CountDownLatch shown = new CountDownLatch(1);
        SignatureCanvas[] holder = new SignatureCanvas[1];
        long[] pulses = new long[2];
        Platform.startup(() -> {
            SignatureCanvas canvas = new SignatureCanvas();
            canvas.setPadInfo(pad);
            holder[0] = canvas;
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(canvas), 800, 480);
            scene.addPostLayoutPulseListener(() -> {
                pulses[0]++;
                pulses[1] = System.nanoTime();
            });
            stage.setScene(scene);
            stage.show();
            shown.countDown();
        });
        if (!shown.await(20, TimeUnit.SECONDS)) {
            throw new TixunException(TixunException.Exit.FAILED, "the JavaFX window did not appear");
        }
        SignatureCanvas canvas = holder[0];
        Thread.sleep(500);
        canvas.latency().reset();
        long pulsesBefore = pulses[0];
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 50_000));
            }
            double t = i / (double) rate;
            int x = (int) (2000 + (i % 2000) * 11);
            int y = (int) (8000 + 3000 * Math.sin(t * 9));
            long now = System.nanoTime();
            canvas.accept(new PenSample(i, x, y, 300 + (i % 600), 0, 0, i % 400 == 399 ? PenState.HOVER
                    : PenState.CONTACT, 0, now, now, PenSample.NO_DEVICE_TIME));
        }
        long elapsed = System.nanoTime() - start;
        Thread.sleep(300);
        InkLatency lat = canvas.latency();
        double frames = pulses[0] - pulsesBefore;
        double frameMs = frames > 0 ? elapsed / 1e6 / frames : Double.NaN;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "ink samples drawn     %d of %d at %d/s%n", lat.count(), total, rate);
        out.printf(Locale.ROOT, "sample -> ink  p50    %.2f ms%n", lat.percentileMillis(50));
        out.printf(Locale.ROOT, "sample -> ink  p99    %.2f ms%n", lat.percentileMillis(99));
        out.printf(Locale.ROOT, "sample -> ink  max    %.2f ms%n", lat.percentileMillis(100));
        out.printf(Locale.ROOT, "frame interval (same run, baseline) %.2f ms; p99 / frame = %.2f%n", frameMs,
                lat.percentileMillis(99) / frameMs);
        out.printf(Locale.ROOT, "target: p99 < 16.7 ms (one frame at 60 Hz): %s%n",
                lat.percentileMillis(99) < 16.7 ? "met" : "NOT met");
        Platform.exit();
        return lat.count() == total ? 0 : 1;
    }
}
