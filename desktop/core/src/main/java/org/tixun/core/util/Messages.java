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
        return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
    }
}
