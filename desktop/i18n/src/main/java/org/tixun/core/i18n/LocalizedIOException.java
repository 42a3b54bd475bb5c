// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import java.io.IOException;

/**
 * An I/O failure whose text is a {@link Message}: {@link #message(java.util.Locale)} in the reader's language,
 * {@link #getMessage()} 「中文 (English)」 for the command line.
 */
public class LocalizedIOException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public LocalizedIOException(Message message) {
        this(message, null);
    }

    public LocalizedIOException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
