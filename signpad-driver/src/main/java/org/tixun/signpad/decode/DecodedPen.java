// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.decode;

import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

/**
 * A pen report as it is on the wire, before host time and sequence are attached.
 *
 * @param deviceNanos device clock or {@link PenSample#NO_DEVICE_TIME}
 */
public record DecodedPen(int x, int y, int pressure, int tiltX, int tiltY, PenState state, int buttons,
        long deviceNanos) {

    /** Returns a report without tilt, buttons or device time. */
    public static DecodedPen of(int x, int y, int pressure, PenState state) {
        return new DecodedPen(x, y, pressure, 0, 0, state, 0, PenSample.NO_DEVICE_TIME);
    }
}
