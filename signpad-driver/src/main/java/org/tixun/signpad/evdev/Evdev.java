// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

/** Linux input event constants used for pens (from include/uapi/linux/input.h and input-event-codes.h). */
public final class Evdev {

    /** Size of struct input_event on 64-bit Linux: timeval (2 x s64), type u16, code u16, value s32. */
    public static final int EVENT_SIZE = 24;

    public static final int EV_SYN = 0x00;
    public static final int EV_KEY = 0x01;
    public static final int EV_ABS = 0x03;
    public static final int EV_MSC = 0x04;
    public static final int EV_MAX = 0x1F;

    public static final int SYN_REPORT = 0;
    public static final int SYN_DROPPED = 3;

    public static final int ABS_X = 0x00;
    public static final int ABS_Y = 0x01;
    public static final int ABS_PRESSURE = 0x18;
    public static final int ABS_TILT_X = 0x1A;
    public static final int ABS_TILT_Y = 0x1B;

    public static final int BTN_TOOL_PEN = 0x140;
    public static final int BTN_TOOL_RUBBER = 0x141;
    public static final int BTN_TOUCH = 0x14A;
    public static final int BTN_STYLUS = 0x14B;
    public static final int BTN_STYLUS2 = 0x14C;

    public static final int MSC_TIMESTAMP = 0x05;

    /** EVIOCGABS(axis) = _IOR('E', 0x40 + axis, struct input_absinfo): 24-byte argument. */
    public static long eviocgabs(int axis) {
        return 0x80184540L + axis;
    }

    /** EVIOCGRAB = _IOW('E', 0x90, int). */
    public static final long EVIOCGRAB = 0x40044590L;

    /** EVIOCGKEY(len) = _IOC(_IOC_READ, 'E', 0x18, len). */
    public static long eviocgkey(int len) {
        return 0x80004518L | (long) len << 16;
    }

    /** EVIOCGNAME(len) = _IOC(_IOC_READ, 'E', 0x06, len). */
    public static long eviocgname(int len) {
        return 0x80004506L | (long) len << 16;
    }

    private Evdev() {
    }
}
