// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

/**
 * Stamps samples of one read batch with host times back-filled at the nominal period, always increasing.
 */
public final class ArrivalClock {

    // Several packets that arrive in one read were produced one period apart: the last gets the
    // arrival time and each earlier one a period less, but never earlier than the previous stamp.

    private final long periodNanos;
    private long last = Long.MIN_VALUE;

    public ArrivalClock(double nominalRateHz) {
        this.periodNanos = nominalRateHz > 0 ? Math.round(1e9 / nominalRateHz) : 0;
    }

    /** Returns the host time of sample {@code index} of {@code count} that arrived at {@code arrivalNanos}. */
    public long stamp(long arrivalNanos, int index, int count) {
        long t = arrivalNanos - (long) (count - 1 - index) * periodNanos;
        if (last != Long.MIN_VALUE && t <= last) {
            t = last + 1;
        }
        last = t;
        return t;
    }
}
