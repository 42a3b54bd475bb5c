// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

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
import org.tixun.signpad.sim.PtyPair;
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
        Files.createDirectories(workDir);
        Path device = workDir.resolve("pad-device");
        Path host = workDir.resolve("pad-host");
        PtyPair pair = PtyPair.start(device, host);
        SimulatedPad simulator = null;
        SignaturePad pad = null;
        try {
            simulator = new SimulatedPad(PadProtocol.ISDV4, pair.deviceEnd(), points, rateHz);
            simulator.start();
            pad = Pads.open(PadProtocol.ISDV4, pair.hostEnd().toString());
            pad.addSampleListener(listener);
            pad.start();
            return new SimulatedPadRig(pair, simulator, pad);
        } catch (PadException | RuntimeException e) {
            if (pad != null) {
                pad.close();
            }
            if (simulator != null) {
                simulator.close();
            }
            pair.close();
            throw e;
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
