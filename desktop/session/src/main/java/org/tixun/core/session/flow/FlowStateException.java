// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/** A workstation flow action asked for at the wrong time (e.g. editing a frozen record); the text says what to do. */
public final class FlowStateException extends IllegalStateException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    FlowStateException(Message message) {
        super(message.bilingual());
        this.message = message;
    }

    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
