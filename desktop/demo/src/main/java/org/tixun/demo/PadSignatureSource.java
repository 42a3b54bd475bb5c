// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.SignatureSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tixun.sim.SimulatedPadRig;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.signpad.PadException;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.sim.SignatureSynth;

/**
 * Headless signing: synthetic handwriting replayed by the ISDV4 simulator over a socat pty and read back through the
 * production serial driver ({@link SimulatedPadRig}); a fingerprint slot takes the sample fingerprint image.
 */
public final class PadSignatureSource implements SignatureSource {
    private final Path workDir;
    private final double rateHz;

    /**
     * @param workDir where the pty links go
     * @param rateHz replay rate (samples per second; the synthesiser's own timing is 200 Hz, so 1000 replays five
     *        times faster than written)
     */
    public PadSignatureSource(Path workDir, double rateHz) {
        this.workDir = workDir;
        this.rateHz = rateHz;
    }

    @Override
    public Capture capture(PlannedSlot slot, int seed) throws IOException, InterruptedException {
        if (slot.kind() == SlotKind.FINGERPRINT) {
            Instant t = Instant.now();
            long mono = System.nanoTime();
            return new Capture(List.of(), null, SampleRecord.fingerprintImage(), t, t, mono, mono, 0, 0,
                    HeadlessDemo.PAD);
        }
        List<InkPoint> points = slot.kind() == SlotKind.CONFIRMATION ? confirmation(seed)
                : SignatureSynth.signature(new ArrayList<>(SignatureSynth.NAMES.keySet())
                        .get(Math.floorMod(seed, SignatureSynth.NAMES.size())), seed);
        List<PenSample> got = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SimulatedPadRig rig = SimulatedPadRig.start(workDir, points, rateHz, got::add)) {
            if (!rig.awaitFinished(Duration.ofSeconds(60))) {
                throw new IOException("模拟签名板回放超时 (the simulated pad did not finish its replay)");
            }
            // Drain: the host driver may still be reading the last packets.
            int last = -1;
            while (last != got.size()) {
                last = got.size();
                Thread.sleep(60);
            }
        } catch (PadException e) {
            throw new IOException("签名板无法使用 (signature pad unavailable): " + e.getMessage(), e);
        }
        List<PenSample> samples;
        synchronized (got) {
            samples = new ArrayList<>(got);
        }
        return Capture.fromSamples(samples, HeadlessDemo.PAD);
    }

    /** The synthetic confirmation handwriting (made for a 2000 x 800 pad) spread over the ISDV4 area. */
    private static List<InkPoint> confirmation(int seed) {
        double sx = HeadlessDemo.PAD.width() / 2000.0;
        double sy = HeadlessDemo.PAD.height() / 800.0 * 0.6;
        List<InkPoint> out = new ArrayList<>();
        for (StrokeSample s : SampleRecord.strokes(seed, 900)) {
            out.add(new InkPoint((int) Math.round(s.x() * sx), (int) Math.round(s.y() * sy), s.pressure(),
                    s.tMillis(), s.contact()));
        }
        return out;
    }
}
