// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.ink.InkMl;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.SimulatedPad;

/**
 * Test code: a signature pad for another process — an ISDV4 simulator (desktop/sim) on the device end of a socat pty
 * pair, replaying a recorded signature each time a host opens the pad and starts it, for as many slots as the host
 * signs. The host end is the port an administrator chooses in Settings ({@code ISDV4:<port>}); the host reads it
 * through the production serial driver.
 */
final class ReplayingPad implements AutoCloseable {
    private final PtyPair pair;
    private final List<InkPoint> points;
    private final double rateHz;
    private final Thread thread;
    private final AtomicInteger replays = new AtomicInteger();
    private volatile boolean closed;
    private volatile String failure;

    private ReplayingPad(PtyPair pair, List<InkPoint> points, double rateHz) {
        this.pair = pair;
        this.points = points;
        this.rateHz = rateHz;
        this.thread = new Thread(this::run, "replaying-pad-" + pair.hostEnd().getFileName());
        thread.setDaemon(true);
    }

    /**
     * Starts socat and the simulator for {@code signature} (one of desktop/sim's recorded signatures) at
     * {@code rateHz} samples per second.
     */
    static ReplayingPad start(Path dir, String signature, double rateHz) throws IOException {
        Files.createDirectories(dir);
        List<InkPoint> points;
        String resource = "/org/tixun/signpad/sim/signatures/" + signature + ".inkml";
        try (InputStream in = SimulatedPad.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no recorded signature " + resource);
            }
            points = InkMl.read(in, resource);
        }
        ReplayingPad pad = new ReplayingPad(PtyPair.start(dir.resolve("device"), dir.resolve("host")), points, rateHz);
        pad.thread.start();
        return pad;
    }

    /** The port the host opens. */
    String port() {
        return pair.hostEnd().toString();
    }

    /** How many signatures were replayed to the end. */
    int replays() {
        return replays.get();
    }

    /** Why the pad stopped, or null. */
    String failure() {
        return failure;
    }

    private void run() {
        while (!closed) {
            SimulatedPad sim = new SimulatedPad(PadProtocol.ISDV4, pair.deviceEnd(), points, rateHz);
            try {
                sim.start();
                // One signature per start by the host; then a fresh simulator waits for the next slot.
                while (!closed && !sim.awaitFinished(Duration.ofMillis(200))) {
                    // waiting for the host to start the pad and the replay to end
                }
                if (sim.failure() != null) {
                    failure = sim.failure();
                    return;
                }
                if (!closed) {
                    replays.incrementAndGet();
                }
            } catch (PadException e) {
                failure = e.getMessage();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                sim.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pair.close();
    }
}
