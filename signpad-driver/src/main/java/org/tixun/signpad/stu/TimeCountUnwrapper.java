// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

/**
 * Extends the STU's 16-bit millisecond time count into a monotonic 64-bit clock.
 */
public final class TimeCountUnwrapper {

    // The counter wraps every 65.536 s. Pen reports stop while the pen is away, so a pause can
    // hide whole wraps: the host clock tells how many were missed.

    private static final long WRAP = 1 << 16;
    private long lastRaw = -1;
    private long lastHostNanos;
    private long unwrapped;

    /** Returns the unwrapped device time in milliseconds for {@code raw} seen at {@code hostNanos}. */
    public long unwrap(int raw, long hostNanos) {
        raw &= 0xFFFF;
        if (lastRaw < 0) {
            unwrapped = raw;
        } else {
            long delta = (raw - lastRaw) & (WRAP - 1);
            long hostMs = (hostNanos - lastHostNanos) / 1_000_000;
            long missedWraps = Math.max(0, Math.round((hostMs - delta) / (double) WRAP));
            unwrapped += delta + missedWraps * WRAP;
        }
        lastRaw = raw;
        lastHostNanos = hostNanos;
        return unwrapped;
    }

    public void reset() {
        lastRaw = -1;
    }
}
