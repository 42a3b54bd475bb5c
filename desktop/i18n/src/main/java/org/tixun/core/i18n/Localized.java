// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Something whose text for a person is a {@link Message}: the core's exceptions and results. The app shows
 * {@link #message(Locale)} in the user's language; {@code getMessage()} of an exception stays 「中文 (English)」 for the
 * command line.
 */
public interface Localized {
    /** The text as a message. */
    Message message();

    /** The text in the language of {@code locale}. */
    default String message(Locale locale) {
        return message().in(locale);
    }

    /**
     * The text of any failure as a message: a {@link Localized} one's own (looked for through wrappers such as
     * {@link ExecutionException}, {@link CompletionException} or an {@link UncheckedIOException} around one), else its
     * {@code getMessage()} (split if worded 「中文 (English)」), else its class's simple name.
     */
    static Message messageOf(Throwable t) {
        Throwable x = t;
        while ((x instanceof ExecutionException || x instanceof CompletionException
                || x instanceof InvocationTargetException || x instanceof UndeclaredThrowableException
                || x instanceof UncheckedIOException && x.getCause() instanceof Localized)
                && x.getCause() != null && x.getCause() != x) {
            x = x.getCause();
        }
        if (x instanceof Localized l) {
            return l.message();
        }
        String m = x.getMessage();
        return Message.untranslated(m == null || m.isBlank() ? x.getClass().getSimpleName() : m);
    }

    /** The text of any failure in the language of {@code locale} (see {@link #messageOf}). */
    static String describe(Throwable t, Locale locale) {
        return messageOf(t).in(locale);
    }
}
