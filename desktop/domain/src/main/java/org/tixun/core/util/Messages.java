// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.util;

import java.util.List;
import java.util.Locale;
import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/**
 * The domain module's messages: keys in {@code org/tixun/core/i18n/messages*.properties} (zh_CN and en) with
 * MessageFormat placeholders; enum arguments are shown through the bundle ({@code enum.<SimpleClassName>.<NAME>}).
 */
public final class Messages {
    public static final String BUNDLE = "org.tixun.core.i18n.messages";
    /** The bundle as a {@link MessageBundle}. */
    public static final MessageBundle BUNDLE_OF_DOMAIN = MessageBundle.at(Messages.class, BUNDLE);

    private Messages() {
    }

    /** The message {@code key} of the domain bundle with its arguments. */
    public static Message of(String key, Object... args) {
        return BUNDLE_OF_DOMAIN.message(key, args);
    }

    /** The text of {@code key} with {@code args} in the language of {@code locale}. */
    public static String get(Locale locale, String key, List<Object> args) {
        return of(key, args.toArray()).in(locale);
    }
}
