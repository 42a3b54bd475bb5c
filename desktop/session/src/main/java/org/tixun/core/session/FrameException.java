// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * A frame that breaks the protocol: bad magic, unknown version or type, oversized or truncated. Its text is a {@link Message}
 * ({@link #message(java.util.Locale)} in the reader's language, {@link #getMessage()} 「中文 (English)」).
 */
public final class FrameException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public FrameException(Message message) {
        this(message, null);
    }

    public FrameException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /** A text made elsewhere (a peer's refusal as it arrived), shown half by half if worded 「中文 (English)」. */
    public FrameException(String message) {
        this(message, null);
    }

    /** A text made elsewhere with its cause. */
    public FrameException(String message, Throwable cause) {
        super(message, cause);
        this.message = null;
    }

    /** The text; a text made elsewhere (or after deserialization) as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
