// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.Objects;

/**
 * A device found on this computer, as offered in Settings: {@code id} is what the setting stores and what the
 * factory opens; {@code label} what a person reads.
 *
 * @param kind the kind of device
 * @param id the setting value (a camera name, a mixer name, {@code PROTOCOL:PORT}, {@code libfprint:driver:id}, ...)
 * @param label a readable description
 */
public record DeviceChoice(DeviceKind kind, String id, String label) {
    public DeviceChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        label = label == null || label.isBlank() ? id : label;
    }

    @Override
    public String toString() {
        return label;
    }
}
