// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** Cumulative acknowledgement: every reliable message up to {@code seq} is durably received. */
public record Ack(long seq) implements SessionMessage {
    @Override
    public MessageType messageType() {
        return MessageType.ACK;
    }
}
