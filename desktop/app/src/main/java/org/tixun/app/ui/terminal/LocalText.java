// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.util.Arrays;
import org.tixun.app.i18n.I18n;

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
        Object[] resolved = Arrays.stream(args).map(a -> a instanceof LocalText t ? t.resolve(i18n) : a).toArray();
        return i18n.text(key, resolved);
    }

    /** A text that comes from elsewhere already written (a device's sentence, a message from the workstation). */
    public static LocalText raw(String text) {
        return new LocalText("terminal.raw", text == null ? "" : text);
    }
}
