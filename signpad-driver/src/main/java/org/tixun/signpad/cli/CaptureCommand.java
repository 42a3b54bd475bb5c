// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.PadState;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.ink.InkFormat;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.pads.Pads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pad capture}: reads a pad, prints the live sample count and rate, and writes every sample to a file. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Capture pen samples from a pad; the output (InkML or CSV) holds every sample, hover included.")
public final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port name or path (ptys too), hidraw or evdev path.")
    String port;

    @Option(names = "--protocol", required = true, converter = ProtocolConverter.class,
            description = "isdv4, protocol4, topaz, stu or evdev.")
    PadProtocol protocol;

    @Option(names = "--out", description = "Output file: .inkml or .csv (columns x,y,pressure,t_ms,contact).")
    Path out;

    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds (0: until Ctrl-C).")
    double seconds;

    @Option(names = "--samples", defaultValue = "0", description = "Stop after this many samples (0: no limit).")
    long maxSamples;

    @Option(names = "--baud", defaultValue = "0", description = "Fixed baud rate (0: auto-detect).")
    int baud;

    @Override
    public Integer call() {
        CountDownLatch finished = new CountDownLatch(1);
        try {
            return capture(finished);
        } finally {
            finished.countDown();
            if (hook != null) {
                removeHook(hook);
            }
        }
    }

    private Thread hook;

    private int capture(CountDownLatch finished) {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PenSample> samples = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        SignaturePad pad = Pads.create(protocol, port, PadOptions.defaults().withBaudRate(baud));
        pad.addSampleListener(s -> {
            synchronized (samples) {
                samples.add(s);
                if (maxSamples > 0 && samples.size() >= maxSamples) {
                    done.countDown();
                }
            }
        });
        pad.addStateListener(e -> {
            boolean reconnected = e.state() == PadState.CONNECTED && e.detail().startsWith("reconnected");
            if (e.state() == PadState.LOST || reconnected) {
                err.println(e.state() + ": " + e.detail());
                err.flush();
            }
        });
        // On Ctrl-C the JVM halts once hooks return: the hook waits until the samples are written.
        Thread interruptHook = new Thread(() -> {
            done.countDown();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pad-capture-interrupt");
        try {
            pad.open();
            o.println("Capturing from " + pad.info().describe());
            o.flush();
            pad.start();
            if (seconds <= 0 && maxSamples <= 0) {
                Runtime.getRuntime().addShutdownHook(interruptHook);
                hook = interruptHook;
            }
            long t0 = System.nanoTime();
            long deadline = seconds > 0 ? t0 + (long) (seconds * 1e9) : Long.MAX_VALUE;
            long lastCount = 0;
            long lastT = t0;
            while (!done.await(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)),
                    TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                long count;
                synchronized (samples) {
                    count = samples.size();
                }
                double rate = (count - lastCount) / ((now - lastT) / 1e9);
                o.printf(Locale.ROOT, "%8d samples  %7.1f samples/s  %s%n", count, rate, pad.decodeCounts().describe());
                o.flush();
                lastCount = count;
                lastT = now;
                if (now >= deadline) {
                    break;
                }
            }
            pad.stop();
        } catch (PadException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.PAD_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pad.close();
        }
        List<PenSample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        o.printf(Locale.ROOT, "%d samples captured; decoder: %s%n", all.size(), pad.decodeCounts().describe());
        if (out != null) {
            try {
                InkFormat.write(out, InkPoint.fromSamples(all));
                o.println("Wrote " + out);
            } catch (IOException e) {
                err.println("error: cannot write " + out + ": " + e.getMessage());
                err.flush();
                return ExitCodes.FILE_ERROR;
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and waits for us; nothing to remove.
            LoggerFactory.getLogger(CaptureCommand.class).debug("shutdown in progress: {}", e.getMessage());
        }
    }
}
