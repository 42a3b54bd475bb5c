// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.util.Arrays;
import org.tixun.app.i18n.I18n;
import org.tixun.core.i18n.Message;

/**
 * A sentence for the screen not yet put into a language: a bundle key and its arguments (an argument may itself be a
 * {@code LocalText}), resolved by the view in the current language so a language switch relabels it.
 *
 * @param key the bundle key
 * @param args the MessageFormat arguments
 */
public record LocalText(String key, Object... args) {
    /** The text in the current language of {@code i18n}. */
    public String resolve(I18n i18n) {
        Object[] resolved = Arrays.stream(args).map(a -> a instanceof LocalText t ? t.resolve(i18n)
                : a instanceof Message m ? m.in(i18n.locale()) : a).toArray();
        return i18n.text(key, resolved);
    }

    /**
     * A text that comes from elsewhere already written (a device's sentence, a message from the workstation); one
     * worded 「中文 (English)」 shows the half in the reader's language.
     */
    public static LocalText raw(String text) {
        return of(Message.untranslated(text));
    }

    /** A message of the core (a key with its arguments), resolved in the reader's language. */
    public static LocalText of(Message message) {
        return new LocalText("terminal.raw", message);
    }
}
