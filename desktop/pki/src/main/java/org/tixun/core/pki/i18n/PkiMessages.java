// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki.i18n;

import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/** The pki module's messages: keys in {@code org/tixun/core/pki/i18n/messages*.properties}. */
public final class PkiMessages {
    /** The bundle beside this class. */
    public static final MessageBundle BUNDLE = MessageBundle.beside(PkiMessages.class);

    private PkiMessages() {
    }

    /** The message {@code key} of this module's bundle with its arguments. */
    public static Message of(String key, Object... args) {
        return BUNDLE.message(key, args);
    }
}
