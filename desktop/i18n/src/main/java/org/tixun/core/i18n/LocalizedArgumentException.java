// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

/**
 * A value a person gave (a setting, a file, a choice) that cannot be used, with a {@link Message} saying what is
 * wrong and what to write instead: {@link #message(java.util.Locale)} in the reader's language, {@link #getMessage()}
 * 「中文 (English)」.
 */
public class LocalizedArgumentException extends IllegalArgumentException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public LocalizedArgumentException(Message message) {
        this(message, null);
    }

    public LocalizedArgumentException(Message message, Throwable cause) {
        super(message.bilingual(), cause);
        this.message = message;
    }

    /** The text; after deserialization (which drops the message) the bilingual text as it was. */
    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
