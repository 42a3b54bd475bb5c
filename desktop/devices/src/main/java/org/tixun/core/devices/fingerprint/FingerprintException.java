// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

/**
 * A capture did not give a usable impression: no finger in time, cancelled, a reader error, or (subclass {@link
 * ImpressionRejectedException}) an impression the quality gate refused. The message says what happened and what the
 * signer or officer does next, in Chinese then English; {@link #zh()} and {@link #en()} give each alone.
 */
public class FingerprintException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String zh;
    private final String en;

    public FingerprintException(String zh, String en) {
        this(zh, en, null);
    }

    public FingerprintException(String zh, String en, Throwable cause) {
        super(zh + " (" + en + ")", cause);
        this.zh = zh;
        this.en = en;
    }

    /** No finger was placed within {@code seconds}. */
    static FingerprintException noFinger(long seconds) {
        return new FingerprintException("在 " + seconds + " 秒内未检测到手指：请把手指平放在采集窗上再按一次",
                "no finger was placed within " + seconds + " s: lay the finger flat on the reader's window and press "
                        + "again");
    }

    /** The capture was cancelled. */
    static FingerprintException cancelled() {
        return new FingerprintException("指纹采集已取消", "the fingerprint capture was cancelled");
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
