// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

/**
 * The signature pad that captured an event and the geometry of its samples.
 *
 * @param vendor pad maker
 * @param model pad model
 * @param serial pad serial number
 * @param firmware firmware version
 * @param width pad width in pad units (x range)
 * @param height pad height in pad units (y range)
 * @param maxPressure highest pressure value
 * @param samplesPerSecond nominal sampling rate
 */
public record DeviceInfo(String vendor, String model, String serial, String firmware, int width, int height,
        int maxPressure, int samplesPerSecond) {
}
