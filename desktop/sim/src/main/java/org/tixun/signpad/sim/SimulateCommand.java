// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.sim;

import org.tixun.signpad.cli.ExitCodes;
import org.tixun.signpad.cli.ProtocolConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.ink.InkFormat;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.SimulatedPad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pad simulate}: plays a recorded signature through a pty as a real serial pad would send it. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay a signature (InkML or CSV) through a pty in a real pad protocol.",
            "If --link does not exist, a socat pty pair is created: capture from --link, the simulator "
                    + "uses <link>.device. If it exists, the simulator writes to it (the other end of your own pair)."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", defaultValue = "isdv4", converter = ProtocolConverter.class,
            description = "isdv4, protocol4 or topaz.")
    PadProtocol protocol;

    @Option(names = "--link", required = true, description = "Pty path the application reads (e.g. /tmp/pad).")
    Path link;

    @Option(names = "--input", required = true, description = "Signature file: .inkml or .csv.")
    Path input;

    @Option(names = "--rate", defaultValue = "0", description = "Samples per second (0: recorded timing).")
    double rate;

    @Option(names = "--hold", defaultValue = "2", description = "Seconds to stay connected after the replay.")
    double hold;

    @Option(names = "--wait", defaultValue = "300", description = "Seconds to wait for the host to start the pad.")
    double waitSeconds;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<InkPoint> points;
        try {
            points = InkFormat.read(input);
        } catch (IOException e) {
            err.println("error: cannot read " + input + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FILE_ERROR;
        }
        PtyPair pair = null;
        Path deviceEnd = link;
        try {
            if (!Files.exists(link)) {
                pair = PtyPair.start(Path.of(link + ".device"), Path.of(link + ".starting"));
                deviceEnd = pair.deviceEnd();
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.ENVIRONMENT;
        }
        try (SimulatedPad sim = new SimulatedPad(protocol, deviceEnd, points, rate)) {
            sim.start();
            if (pair != null) {
                pair.publishHostEnd(link);
            }
            if (sim.scaled()) {
                o.println("note: input values exceed what " + protocol + " carries; they are scaled to fit");
            }
            o.printf("Simulated %s pad ready: tixun pad capture --protocol %s --port %s%n", protocol, protocol, link);
            o.flush();
            if (protocol == PadProtocol.TOPAZ) {
                sim.play();
            }
            if (!sim.awaitFinished(Duration.ofMillis((long) (waitSeconds * 1000 + durationMs(points))))) {
                err.println("error: the host did not start the pad within " + waitSeconds + " s (sent "
                        + sim.sentCount() + " of " + points.size() + " samples)");
                err.flush();
                return ExitCodes.PAD_ERROR;
            }
            if (sim.failure() != null) {
                err.println("error: " + sim.failure());
                err.flush();
                return ExitCodes.PAD_ERROR;
            }
            o.println("Sent " + sim.sentCount() + " samples");
            o.flush();
            Thread.sleep((long) (hold * 1000));
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.PAD_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
    }

    private double durationMs(List<InkPoint> points) {
        return rate > 0 ? points.size() * 1000.0 / rate : points.get(points.size() - 1).tMs() - points.get(0).tMs();
    }
}
