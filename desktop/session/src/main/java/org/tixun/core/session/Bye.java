// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** The sender closes the connection on purpose (so the peer reports a closed link rather than a lost one). */
public record Bye(String reason) implements SessionMessage {
    @Override
    public MessageType messageType() {
        return MessageType.BYE;
    }
}
