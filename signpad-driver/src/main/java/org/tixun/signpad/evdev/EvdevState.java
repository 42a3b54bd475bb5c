// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

/** Reads the device's current axis and key state, used to resynchronise after SYN_DROPPED. */
public interface EvdevState {

    /** Returns the current value of an absolute axis, or null if the device has no such axis. */
    AbsInfo abs(int axis);

    /** Returns whether a key or button is currently down. */
    boolean key(int code);
}
