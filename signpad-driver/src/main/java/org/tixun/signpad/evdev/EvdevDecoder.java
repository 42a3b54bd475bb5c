// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import org.tixun.signpad.decode.DecodeStats;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.PenState;

/**
 * Folds 24-byte input events into one pen report per SYN_REPORT frame, with the kernel's event time as device time.
 */
public final class EvdevDecoder implements StreamDecoder {

    // After SYN_DROPPED, events up to and including the next SYN_REPORT are discarded and the state is
    // re-read through EvdevState, as the kernel documentation prescribes.

    private final DecodeStats stats = new DecodeStats();
    private final byte[] event = new byte[Evdev.EVENT_SIZE];
    private final EvdevState resync;
    private int filled;
    private boolean dropping;
    private boolean changed;

    private int x;
    private int y;
    private int pressure;
    private int tiltX;
    private int tiltY;
    private boolean toolPen;
    private boolean wasInProximity;
    private boolean touch;
    private int buttons;
    private int frameEvents;

    /** Creates a decoder; {@code resync} may be null when the state cannot be queried (recorded streams). */
    public EvdevDecoder(EvdevState resync) {
        this.resync = resync;
    }

    @Override
    public void feed(byte[] data, int off, int len, PenSink sink) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = Math.min(Evdev.EVENT_SIZE - filled, end - i);
            System.arraycopy(data, i, event, filled, n);
            filled += n;
            i += n;
            if (filled == Evdev.EVENT_SIZE) {
                filled = 0;
                event(sink);
            }
        }
    }

    /** Largest event time in seconds whose nanoseconds (plus the microseconds part) fit in a long. */
    private static final long MAX_SECONDS = (Long.MAX_VALUE - 999_999_000L) / 1_000_000_000L;

    private void event(PenSink sink) {
        long sec = le64(event, 0);
        long usec = le64(event, 8);
        int type = le16(event, 16);
        int code = le16(event, 18);
        int value = le32(event, 20);
        // A time the kernel cannot produce (negative, or seconds whose nanoseconds overflow a long: after the year
        // 2262) is garbage, not a sample with a wrapped-around time (found by EvdevDecoderFuzzTest).
        if (type > Evdev.EV_MAX || usec < 0 || usec >= 1_000_000 || sec < 0 || sec > MAX_SECONDS) {
            stats.garbled(Evdev.EVENT_SIZE);
            return;
        }
        if (type == Evdev.EV_SYN && code == Evdev.SYN_DROPPED) {
            dropping = true;
            stats.lost(1);
            return;
        }
        if (type == Evdev.EV_SYN && code == Evdev.SYN_REPORT) {
            if (dropping) {
                dropping = false;
                if (resync != null) {
                    resync();
                    changed = true;
                } else {
                    changed = false;
                    return;
                }
            }
            if (changed && (toolPen || wasInProximity)) {
                frame(sec * 1_000_000_000L + usec * 1_000L, sink);
            } else if (frameEvents > 0) {
                stats.ignored();
            }
            changed = false;
            frameEvents = 0;
            return;
        }
        if (dropping) {
            return;
        }
        frameEvents++;
        if (type == Evdev.EV_ABS) {
            switch (code) {
                case Evdev.ABS_X -> x = value;
                case Evdev.ABS_Y -> y = value;
                case Evdev.ABS_PRESSURE -> pressure = value;
                case Evdev.ABS_TILT_X -> tiltX = value;
                case Evdev.ABS_TILT_Y -> tiltY = value;
                default -> {
                    return;
                }
            }
            changed = true;
        } else if (type == Evdev.EV_KEY) {
            boolean down = value != 0;
            switch (code) {
                case Evdev.BTN_TOOL_PEN, Evdev.BTN_TOOL_RUBBER -> toolPen = down;
                case Evdev.BTN_TOUCH -> touch = down;
                case Evdev.BTN_STYLUS -> buttons = down ? buttons | 1 : buttons & ~1;
                case Evdev.BTN_STYLUS2 -> buttons = down ? buttons | 2 : buttons & ~2;
                default -> {
                    return;
                }
            }
            changed = true;
        }
    }

    private void frame(long deviceNanos, PenSink sink) {
        PenState state = !toolPen ? PenState.OUT : touch ? PenState.CONTACT : PenState.HOVER;
        wasInProximity = toolPen;
        stats.ok();
        sink.pen(new DecodedPen(x, y, pressure, tiltX, tiltY, state, buttons, deviceNanos));
    }

    private void resync() {
        x = absValue(Evdev.ABS_X, x);
        y = absValue(Evdev.ABS_Y, y);
        pressure = absValue(Evdev.ABS_PRESSURE, pressure);
        tiltX = absValue(Evdev.ABS_TILT_X, tiltX);
        tiltY = absValue(Evdev.ABS_TILT_Y, tiltY);
        toolPen = resync.key(Evdev.BTN_TOOL_PEN) || resync.key(Evdev.BTN_TOOL_RUBBER);
        touch = resync.key(Evdev.BTN_TOUCH);
        buttons = (resync.key(Evdev.BTN_STYLUS) ? 1 : 0) | (resync.key(Evdev.BTN_STYLUS2) ? 2 : 0);
    }

    private int absValue(int axis, int fallback) {
        AbsInfo info = resync.abs(axis);
        return info == null ? fallback : info.value();
    }

    @Override
    public void reset() {
        if (filled > 0) {
            stats.garbled(filled);
        }
        filled = 0;
        dropping = false;
        changed = false;
        frameEvents = 0;
    }

    @Override
    public DecodeStats stats() {
        return stats;
    }

    static long le64(byte[] b, int i) {
        return (le32(b, i) & 0xFFFFFFFFL) | (long) le32(b, i + 4) << 32;
    }

    static int le32(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    static int le16(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
    }
}
