// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.isdv4;

/**
 * The pen query reply of an ISDV4 digitizer.
 *
 * @param maxX            largest x (16 bits)
 * @param maxY            largest y (16 bits)
 * @param maxPressure     largest pressure (10 bits)
 * @param maxTiltX        largest tilt x (7 bits), 0 without tilt
 * @param maxTiltY        largest tilt y (7 bits), 0 without tilt
 * @param firmwareVersion firmware version (14 bits)
 */
public record Isdv4Capabilities(int maxX, int maxY, int maxPressure, int maxTiltX, int maxTiltY, int firmwareVersion) {
}
