// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** Keeps an idle link visibly alive; a side that hears nothing for the loss timeout declares the link lost. */
public record Heartbeat(long sentAtMillis) implements SessionMessage {
    @Override
    public MessageType messageType() {
        return MessageType.HEARTBEAT;
    }
}
