// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.util;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Reads the core message bundle (zh_CN and en) with MessageFormat placeholders. */
public final class Messages {
    public static final String BUNDLE = "org.tixun.core.i18n.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, List<Object> args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] values = args.stream().map(a -> a instanceof Enum<?> e ? label(bundle, e) : a).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    /** Enum arguments are shown through the bundle: {@code enum.<SimpleClassName>.<NAME>}. */
    private static String label(ResourceBundle bundle, Enum<?> e) {
        String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        return bundle.containsKey(key) ? bundle.getString(key) : e.name();
    }
}
