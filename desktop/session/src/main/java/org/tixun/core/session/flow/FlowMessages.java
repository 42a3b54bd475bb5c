// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import org.tixun.core.i18n.Message;
import org.tixun.core.i18n.MessageBundle;

/**
 * The workstation flow's messages: keys {@code flow.*} in the session module's bundle
 * {@code org/tixun/core/session/i18n/messages*.properties}.
 */
public final class FlowMessages {
    /** The session module's bundle. */
    public static final MessageBundle BUNDLE = MessageBundle.at(FlowMessages.class,
            "org.tixun.core.session.i18n.messages");

    private FlowMessages() {
    }

    /** The message {@code key} with its arguments. */
    public static Message of(String key, Object... args) {
        return BUNDLE.message(key, args);
    }
}
