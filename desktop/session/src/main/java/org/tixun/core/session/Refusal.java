// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/**
 * The sender refuses the connection (bad frame, incompatible version, wrong role) and closes it.
 *
 * @param code a stable code ({@code BAD_FRAME}, {@code VERSION}, {@code ROLE}, {@code BUSY})
 * @param message a sentence for the log, Chinese then English
 */
public record Refusal(String code, String message) implements SessionMessage {
    @Override
    public MessageType messageType() {
        return MessageType.REFUSAL;
    }
}
