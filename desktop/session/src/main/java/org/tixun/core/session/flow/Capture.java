// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Instant;
import java.util.List;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.StrokeSample;

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
}
