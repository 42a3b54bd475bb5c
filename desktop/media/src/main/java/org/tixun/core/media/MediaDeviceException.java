// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * A camera or microphone cannot be used: {@link #message(java.util.Locale)} says why in the user's language,
 * {@link #getMessage()} 「中文 (English)」.
 */
public final class MediaDeviceException extends RuntimeException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public MediaDeviceException(Message message) {
        this(message, null);
    }

    public MediaDeviceException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /**
     * A device problem with an inline text that is not translated (a 「中文 (English)」 text shows its halves).
     *
     * @deprecated pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public MediaDeviceException(String message) {
        this(Message.untranslated(message), null);
    }

    /**
     * A device problem with an inline text that is not translated (a 「中文 (English)」 text shows its halves).
     *
     * @deprecated pass a {@link Message} from the module's bundle
     */
    @Deprecated
    public MediaDeviceException(String message, Throwable cause) {
        this(Message.untranslated(message), cause);
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
