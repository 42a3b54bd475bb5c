// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** Ends the current step or session on purpose (for instance the record was edited after freezing), reliably. */
public record Abort(String recordId, String reason) implements SessionMessage {
    @Override
    public MessageType messageType() {
        return MessageType.ABORT;
    }
}
