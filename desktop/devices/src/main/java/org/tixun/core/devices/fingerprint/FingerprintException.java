// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * A capture did not give a usable impression: no finger in time, cancelled, a reader error, or (subclass {@link
 * ImpressionRejectedException}) an impression the quality gate refused. The message says what happened and what the
 * signer or officer does next: {@link #message(java.util.Locale)} in the reader's language, {@link #getMessage()}
 * 「中文 (English)」; {@link #zh()} and {@link #en()} give each alone.
 */
public class FingerprintException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public FingerprintException(Message message) {
        this(message, null);
    }

    public FingerprintException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /**
     * A capture problem worded inline in both languages.
     *
     * @deprecated pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public FingerprintException(String zh, String en) {
        this(zh, en, null);
    }

    /**
     * A capture problem worded inline in both languages.
     *
     * @deprecated pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public FingerprintException(String zh, String en, Throwable cause) {
        this(Message.untranslated(zh + " (" + en + ")"), cause);
    }

    /** No finger was placed within {@code seconds}. */
    static FingerprintException noFinger(long seconds) {
        return new FingerprintException(DeviceMessages.of("fingerprint.noFinger", seconds));
    }

    /** The capture was cancelled. */
    static FingerprintException cancelled() {
        return new FingerprintException(DeviceMessages.of("fingerprint.cancelled"));
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }

    public String zh() {
        return message().chinese();
    }

    public String en() {
        return message().english();
    }
}
