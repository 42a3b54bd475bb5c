// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

/** How the host is connected to a pad. */
public enum Transport {
    SERIAL,
    USB_HID,
    EVDEV,
    SIMULATED
}
