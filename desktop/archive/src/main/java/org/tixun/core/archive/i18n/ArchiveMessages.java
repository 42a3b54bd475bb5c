// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive.i18n;

import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/** The archive module's messages: keys in {@code org/tixun/core/archive/i18n/messages*.properties}. */
public final class ArchiveMessages {
    /** The bundle beside this class. */
    public static final MessageBundle BUNDLE = MessageBundle.beside(ArchiveMessages.class);

    private ArchiveMessages() {
    }

    /** The message {@code key} of this module's bundle with its arguments. */
    public static Message of(String key, Object... args) {
        return BUNDLE.message(key, args);
    }
}
