// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

/**
 * One raw pen report from a pad, with both the host and (where the pad has one) the device time.
 *
 * @param sequence    per-pad sample number, starting at 0 and never reused while the pad is open
 * @param x           horizontal position in pad units
 * @param y           vertical position in pad units
 * @param pressure    tip pressure in pad units (0 for pads without pressure, see {@link PadInfo#hasPressure()})
 * @param tiltX       tilt in pad units, 0 when the pad has no tilt
 * @param tiltY       tilt in pad units, 0 when the pad has no tilt
 * @param state       hover, contact or out of proximity
 * @param buttons     bit mask of barrel buttons (bit 0 side button, bit 1 second button or eraser)
 * @param hostNanos   host monotonic time ({@link System#nanoTime()}), back-filled within a read batch
 * @param arrivalNanos host monotonic time at which the read that carried this sample returned
 * @param deviceNanos device clock in nanoseconds, unwrapped, or {@link #NO_DEVICE_TIME}
 */
public record PenSample(
        long sequence,
        int x,
        int y,
        int pressure,
        int tiltX,
        int tiltY,
        PenState state,
        int buttons,
        long hostNanos,
        long arrivalNanos,
        long deviceNanos) {

    /** Marker for pads without a clock of their own. */
    public static final long NO_DEVICE_TIME = Long.MIN_VALUE;

    /** Returns whether the pad supplied a device timestamp for this sample. */
    public boolean hasDeviceTime() {
        return deviceNanos != NO_DEVICE_TIME;
    }

    /** Returns whether the pen touches the surface. */
    public boolean isContact() {
        return state == PenState.CONTACT;
    }
}
