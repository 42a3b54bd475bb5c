// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.Locale;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Bilingual;
import org.tixun.core.i18n.Message;

/** The kinds of device a workstation or terminal is configured with, named through the devices bundle. */
public enum DeviceKind implements Bilingual {
    CAMERA, MICROPHONE, SIGNATURE_PAD, FINGERPRINT_READER, TIME_STAMP;

    /** The name as a message ({@code enum.DeviceKind.<NAME>}). */
    public Message label() {
        return DeviceMessages.of("enum.DeviceKind." + name());
    }

    /** The Chinese name, e.g. 指纹采集仪. */
    @Override
    public String zh() {
        return label().chinese();
    }

    /** The English name, e.g. fingerprint reader. */
    @Override
    public String en() {
        return label().english();
    }

    /** The name in {@code locale} (Chinese unless the language is English). */
    public String label(Locale locale) {
        return label().in(locale);
    }
}
