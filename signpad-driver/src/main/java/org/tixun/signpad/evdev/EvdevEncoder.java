// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import java.io.ByteArrayOutputStream;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

/** Writes input_event streams as the kernel reports a pen (for recorded fixtures and tests). */
public final class EvdevEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private DecodedPen last;

    /** Appends one raw event. */
    public EvdevEncoder event(long timeMicros, int type, int code, int value) {
        byte[] e = new byte[Evdev.EVENT_SIZE];
        put64(e, 0, timeMicros / 1_000_000);
        put64(e, 8, timeMicros % 1_000_000);
        e[16] = (byte) type;
        e[17] = (byte) (type >> 8);
        e[18] = (byte) code;
        e[19] = (byte) (code >> 8);
        put32(e, 20, value);
        out.writeBytes(e);
        return this;
    }

    /** Appends the events for a pen frame, only the values that changed (like the kernel), then SYN_REPORT. */
    public EvdevEncoder pen(DecodedPen pen, long timeMicros) {
        boolean first = last == null;
        boolean prox = pen.state() != PenState.OUT;
        if (first || prox != (last.state() != PenState.OUT)) {
            event(timeMicros, Evdev.EV_KEY, Evdev.BTN_TOOL_PEN, prox ? 1 : 0);
        }
        boolean contact = pen.state() == PenState.CONTACT;
        if (first || contact != (last.state() == PenState.CONTACT)) {
            event(timeMicros, Evdev.EV_KEY, Evdev.BTN_TOUCH, contact ? 1 : 0);
        }
        if (first || (pen.buttons() & 1) != (last.buttons() & 1)) {
            event(timeMicros, Evdev.EV_KEY, Evdev.BTN_STYLUS, pen.buttons() & 1);
        }
        if (first || (pen.buttons() & 2) != (last.buttons() & 2)) {
            event(timeMicros, Evdev.EV_KEY, Evdev.BTN_STYLUS2, (pen.buttons() & 2) >> 1);
        }
        if (first || pen.x() != last.x()) {
            event(timeMicros, Evdev.EV_ABS, Evdev.ABS_X, pen.x());
        }
        if (first || pen.y() != last.y()) {
            event(timeMicros, Evdev.EV_ABS, Evdev.ABS_Y, pen.y());
        }
        if (first || pen.pressure() != last.pressure()) {
            event(timeMicros, Evdev.EV_ABS, Evdev.ABS_PRESSURE, pen.pressure());
        }
        if (first || pen.tiltX() != last.tiltX()) {
            event(timeMicros, Evdev.EV_ABS, Evdev.ABS_TILT_X, pen.tiltX());
        }
        if (first || pen.tiltY() != last.tiltY()) {
            event(timeMicros, Evdev.EV_ABS, Evdev.ABS_TILT_Y, pen.tiltY());
        }
        event(timeMicros, Evdev.EV_SYN, Evdev.SYN_REPORT, 0);
        last = pen;
        return this;
    }

    /** Appends SYN_DROPPED, as the kernel does when its buffer overflowed. */
    public EvdevEncoder dropped(long timeMicros) {
        return event(timeMicros, Evdev.EV_SYN, Evdev.SYN_DROPPED, 0);
    }

    /** Forgets the previous frame so the next one is written in full (after a drop the kernel state is unknown). */
    public EvdevEncoder forget() {
        last = null;
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private static void put64(byte[] b, int i, long v) {
        put32(b, i, (int) v);
        put32(b, i + 4, (int) (v >>> 32));
    }

    private static void put32(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >> 8);
        b[i + 2] = (byte) (v >> 16);
        b[i + 3] = (byte) (v >> 24);
    }
}
