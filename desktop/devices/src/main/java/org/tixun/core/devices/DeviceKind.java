// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.Locale;

/** The kinds of device a workstation or terminal is configured with, named in Chinese and English. */
public enum DeviceKind {
    CAMERA("摄像头", "camera"),
    MICROPHONE("麦克风", "microphone"),
    SIGNATURE_PAD("签名板", "signature pad"),
    FINGERPRINT_READER("指纹采集仪", "fingerprint reader"),
    TIME_STAMP("时间戳服务", "time-stamp authority");

    private final String zh;
    private final String en;

    DeviceKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The Chinese name, e.g. 指纹采集仪. */
    public String zh() {
        return zh;
    }

    /** The English name, e.g. fingerprint reader. */
    public String en() {
        return en;
    }

    /** The name in {@code locale} (Chinese unless the language is English). */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
