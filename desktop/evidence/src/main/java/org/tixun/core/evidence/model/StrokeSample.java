// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

/**
 * One pen sample from the signature pad.
 *
 * @param x horizontal position in pad units (0 at the left)
 * @param y vertical position in pad units (0 at the top)
 * @param pressure pen pressure in pad units (0..{@link DeviceInfo#maxPressure()})
 * @param tMillis milliseconds since the first sample of the event
 * @param contact true while the pen touches the surface
 * @param deviceTimeMicros the pad's own clock for this sample, in microseconds (0 if the pad has none)
 * @param hostNanos the host monotonic clock when the sample arrived
 */
public record StrokeSample(int x, int y, int pressure, long tMillis, boolean contact, long deviceTimeMicros,
        long hostNanos) {
    /** A sample with only the fields needed for rendering. */
    public static StrokeSample of(int x, int y, int pressure, long tMillis, boolean contact) {
        return new StrokeSample(x, y, pressure, tMillis, contact, 0, 0);
    }
}
