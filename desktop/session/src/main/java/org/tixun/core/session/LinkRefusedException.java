// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * The link was refused for a reason a person must fix (certificate, version, enrollment code), not a network blip. Its text is a {@link Message}
 * ({@link #message(java.util.Locale)} in the reader's language, {@link #getMessage()} 「中文 (English)」).
 */
public final class LinkRefusedException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public LinkRefusedException(Message message) {
        this(message, null);
    }

    public LinkRefusedException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /** A text made elsewhere (a peer's refusal as it arrived), shown half by half if worded 「中文 (English)」. */
    public LinkRefusedException(String message) {
        this(message, null);
    }

    /** A text made elsewhere with its cause. */
    public LinkRefusedException(String message, Throwable cause) {
        super(message, cause);
        this.message = null;
    }

    /** The text; a text made elsewhere (or after deserialization) as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
