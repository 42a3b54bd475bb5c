// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.PenSampleListener;
import org.tixun.signpad.pads.Pads;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.ink.InkMl;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.SimulatedPad;

/**
 * The demo's signature pad: a simulated ISDV4 digitizer on one end of a socat pty pair replaying a
 * recorded signature, read through the production serial driver on the other end.
 */
public final class SimulatedPadRig implements AutoCloseable {
    /** Signatures shipped with signpad-driver for the demo. */
    public static final List<String> SIGNATURES = List.of("wang-feng", "tian-li");

    private final PtyPair pair;
    private final SimulatedPad simulator;
    private final SignaturePad pad;

    private SimulatedPadRig(PtyPair pair, SimulatedPad simulator, SignaturePad pad) {
        this.pair = pair;
        this.simulator = simulator;
        this.pad = pad;
    }

    /**
     * Starts socat, the simulator and the host-side pad; samples go to {@code listener} on the pad's
     * reader thread from the moment the host starts the pad.
     */
    public static SimulatedPadRig start(Path workDir, String signature, PenSampleListener listener)
            throws IOException, PadException {
        return start(workDir, load(signature), 0, listener);
    }

    /**
     * The same rig replaying given points (e.g. from {@code SignatureSynth}) at {@code rateHz} samples per second
     * (0: at the points' own timing); used by the headless session to sign through the production serial driver.
     */
    public static SimulatedPadRig start(Path workDir, List<InkPoint> points, double rateHz, PenSampleListener listener)
            throws IOException, PadException {
        SimulatedDevice device = startDevice(workDir, points, rateHz);
        SignaturePad pad = null;
        try {
            pad = Pads.open(PadProtocol.ISDV4, device.hostEnd().toString());
            pad.addSampleListener(listener);
            pad.start();
            return new SimulatedPadRig(device.pair, device.simulator, pad);
        } catch (PadException | RuntimeException e) {
            if (pad != null) {
                pad.close();
            }
            device.close();
            throw e;
        }
    }

    /**
     * Only the device side: socat and the ISDV4 simulator replaying {@code signature} once a host starts it; the host
     * opens {@link SimulatedDevice#hostEnd()} itself (e.g. as a configured pad {@code ISDV4:<hostEnd>}).
     */
    public static SimulatedDevice startDevice(Path workDir, String signature) throws IOException, PadException {
        return startDevice(workDir, load(signature), 0);
    }

    private static SimulatedDevice startDevice(Path workDir, List<InkPoint> points, double rateHz)
            throws IOException, PadException {
        Files.createDirectories(workDir);
        PtyPair pair = PtyPair.start(workDir.resolve("pad-device"), workDir.resolve("pad-host"));
        try {
            SimulatedPad simulator = new SimulatedPad(PadProtocol.ISDV4, pair.deviceEnd(), points, rateHz);
            simulator.start();
            return new SimulatedDevice(pair, simulator);
        } catch (PadException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    /** A simulated ISDV4 pad on the device end of a pty pair; the host end is free for a host to open. */
    public static final class SimulatedDevice implements AutoCloseable {
        private final PtyPair pair;
        private final SimulatedPad simulator;

        private SimulatedDevice(PtyPair pair, SimulatedPad simulator) {
            this.pair = pair;
            this.simulator = simulator;
        }

        /** The port a host opens (a pty path). */
        public Path hostEnd() {
            return pair.hostEnd();
        }

        public SimulatedPad simulator() {
            return simulator;
        }

        @Override
        public void close() {
            simulator.close();
            pair.close();
        }
    }

    static List<InkPoint> load(String signature) throws IOException {
        String resource = "/org/tixun/signpad/sim/signatures/" + signature + ".inkml";
        try (InputStream in = SimulatedPad.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("demo signature " + signature + " is not in signpad-driver (" + resource + ")");
            }
            return InkMl.read(in, resource);
        }
    }

    public SignaturePad pad() {
        return pad;
    }

    public boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
        return simulator.awaitFinished(timeout);
    }

    @Override
    public void close() {
        pad.close();
        simulator.close();
        pair.close();
    }
}
