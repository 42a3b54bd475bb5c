// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.i18n;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A message a view model shows (a status line, a result): kept as a bundle key with its arguments, so it is
 * written again in the new language when the reader switches, not left in the old one.
 */
public final class LocalizedText {
    private final I18n i18n;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private String key;
    private Object[] args = new Object[0];

    public LocalizedText(I18n i18n) {
        this.i18n = i18n;
        i18n.localeProperty().addListener((o, was, now) -> render());
    }

    /** Shows the bundle text {@code key} with {@code args}. */
    public void set(String key, Object... args) {
        this.key = key;
        this.args = args;
        render();
    }

    /** Shows nothing. */
    public void clear() {
        key = null;
        args = new Object[0];
        text.set("");
    }

    private void render() {
        text.set(key == null ? "" : i18n.text(key, args));
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
