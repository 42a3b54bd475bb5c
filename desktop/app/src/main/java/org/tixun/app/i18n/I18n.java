// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The UI bundle (zh_CN default, English second) with a locale that can change at run time. */
public final class I18n {
    public static final String BUNDLE = "org.tixun.app.i18n.ui";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(CHINESE);

    public I18n(Locale initial) {
        locale.set(initial);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void toggle() {
        locale.set(CHINESE.equals(locale.get()) ? ENGLISH : CHINESE);
    }

    /** The text for {@code key} in the current locale, with MessageFormat arguments. */
    public String text(String key, Object... args) {
        return format(locale.get(), key, args);
    }

    /** A binding that follows locale switches; use it for every label. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> format(locale.get(), key, args), locale);
    }

    public static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("UI text key missing from " + BUNDLE + ": " + key, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
