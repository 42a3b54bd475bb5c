// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.Objects;

/**
 * One device's self-test result.
 *
 * @param kind the kind of device
 * @param device the device tested (its configured name; "" if none is configured)
 * @param passed whether it works
 * @param sentence what to show: Chinese, then English in parentheses
 */
public record SelfTestResult(DeviceKind kind, String device, boolean passed, String sentence) {
    public SelfTestResult {
        Objects.requireNonNull(kind, "kind");
        device = device == null ? "" : device;
        Objects.requireNonNull(sentence, "sentence");
    }

    /** A failed result from a device problem. */
    public static SelfTestResult of(DeviceUnavailableException e) {
        return new SelfTestResult(e.kind(), e.device(), false, e.getMessage());
    }
}
