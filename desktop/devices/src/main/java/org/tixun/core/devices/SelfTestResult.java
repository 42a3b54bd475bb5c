// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.Objects;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * One device's self-test result.
 *
 * @param kind the kind of device
 * @param device the device tested (its configured name; "" if none is configured)
 * @param passed whether it works
 * @param message what to show ({@link #message(java.util.Locale)} in the reader's language)
 */
public record SelfTestResult(DeviceKind kind, String device, boolean passed, Message message) implements Localized {
    public SelfTestResult {
        Objects.requireNonNull(kind, "kind");
        device = device == null ? "" : device;
        Objects.requireNonNull(message, "message");
    }

    /** A failed result from a device problem. */
    public static SelfTestResult of(DeviceUnavailableException e) {
        return new SelfTestResult(e.kind(), e.device(), false, e.message());
    }

    /** What to show, 「中文 (English)」 (the command line's form; a screen shows {@link #message(java.util.Locale)}). */
    public String sentence() {
        return message.bilingual();
    }
}
