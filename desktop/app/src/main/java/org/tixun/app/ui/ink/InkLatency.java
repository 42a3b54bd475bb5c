// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.ink;

import java.util.Arrays;

/** Records arrival-to-drawn latencies (nanoseconds) of ink samples and reports percentiles. */
public final class InkLatency {
    private long[] values = new long[4096];
    private int count;

    synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The given percentile (0-100) in milliseconds, or NaN with no samples. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[index] / 1e6;
    }

    public synchronized void reset() {
        count = 0;
    }
}
