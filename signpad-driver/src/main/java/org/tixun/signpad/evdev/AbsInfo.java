// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

/** struct input_absinfo: current value and range of one absolute axis (resolution in units per mm). */
public record AbsInfo(int value, int minimum, int maximum, int fuzz, int flat, int resolution) {
}
