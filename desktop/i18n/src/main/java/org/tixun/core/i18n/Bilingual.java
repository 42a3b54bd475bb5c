// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.i18n;

import java.util.Locale;

/**
 * A value that carries its own words in both languages: the vocabulary a sealed document prints (a signer's role, a
 * slot's kind), fixed in code because the document must read the same whatever a bundle says, or a text already
 * resolved in both languages (a verification finding). As an argument of a {@link Message} it shows the words of the
 * message's language.
 */
public interface Bilingual {
    /** The words in Chinese. */
    String zh();

    /** The words in English. */
    String en();

    /** The words in the language of {@code locale} (Chinese unless English). */
    default String in(Locale locale) {
        return Message.languageOf(locale) == Message.ENGLISH ? en() : zh();
    }
}
