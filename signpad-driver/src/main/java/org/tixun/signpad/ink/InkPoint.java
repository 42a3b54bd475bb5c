// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.ink;

import java.util.ArrayList;
import java.util.List;
import org.tixun.signpad.model.PenSample;

/**
 * One sample as stored in ink files: the CSV row {@code x,y,pressure,t_ms,contact}.
 *
 * @param tMs milliseconds since the first sample of the recording
 */
public record InkPoint(int x, int y, int pressure, double tMs, boolean contact) {

    /**
     * Converts captured samples, timing them by the device clock when every sample has one, else by host time.
     */
    public static List<InkPoint> fromSamples(List<PenSample> samples) {
        List<InkPoint> out = new ArrayList<>(samples.size());
        if (samples.isEmpty()) {
            return out;
        }
        boolean device = samples.stream().allMatch(PenSample::hasDeviceTime);
        long t0 = device ? samples.get(0).deviceNanos() : samples.get(0).hostNanos();
        for (PenSample s : samples) {
            long t = device ? s.deviceNanos() : s.hostNanos();
            double ms = Math.round((t - t0) / 1_000.0) / 1_000.0;
            out.add(new InkPoint(s.x(), s.y(), s.pressure(), ms, s.isContact()));
        }
        return out;
    }
}
