// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Instant;
import java.util.List;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * What one slot's capture produced: pen samples (none for a fingerprint), an optional fingerprint image, an
 * optional ink image, times on the host and pad clocks, and the device.
 */
public record Capture(List<StrokeSample> samples, byte[] inkPng, byte[] fingerprintPng, Instant hostStart,
        Instant hostEnd, long monotonicStartNanos, long monotonicEndNanos, long padStartMicros, long padEndMicros,
        DeviceInfo device) {
    public Capture {
        samples = List.copyOf(samples);
    }

    /** Pen samples of one slot (pad or signature canvas) as a capture; host times from the samples' clock. */
    public static Capture fromSamples(List<org.tixun.signpad.model.PenSample> samples, DeviceInfo device)
            throws java.io.IOException {
        Instant end = Instant.now();
        if (samples.isEmpty()) {
            throw new org.tixun.core.i18n.LocalizedIOException(SessionMessages.of("capture.noSamples"));
        }
        long t0 = samples.get(0).hostNanos();
        long t1 = samples.get(samples.size() - 1).hostNanos();
        List<StrokeSample> out = new java.util.ArrayList<>(samples.size());
        for (var p : samples) {
            long rel = p.hostNanos() - t0;
            long deviceMicros = p.hasDeviceTime() ? p.deviceNanos() / 1000 : rel / 1000;
            out.add(new StrokeSample(p.x(), p.y(), p.pressure(), rel / 1_000_000, p.isContact(), deviceMicros,
                    p.hostNanos()));
        }
        Instant start = end.minusNanos(System.nanoTime() - t0);
        return new Capture(out, null, null, start, start.plusNanos(t1 - t0), t0, t1, out.get(0).deviceTimeMicros(),
                out.get(out.size() - 1).deviceTimeMicros(), device);
    }
}
