// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects durations (ms) and reports nearest-rank percentiles; thread-safe. */
public final class Percentiles {
    private final List<Double> values = new ArrayList<>();

    public synchronized void add(double ms) {
        values.add(ms);
    }

    public synchronized int count() {
        return values.size();
    }

    /** The nearest-rank percentile {@code p} (0-100), or NaN when empty. */
    public synchronized double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public synchronized double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public synchronized double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
