// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/**
 * The workstation has sealed the record (or closed the session without one): the terminal's part is over. Reliable.
 *
 * @param recordId the record
 * @param sealedSha256 hex SHA-256 of the sealed PDF, or null if the session ended without sealing
 * @param message a sentence for the terminal screen
 */
public record SessionEnd(String recordId, String sealedSha256, String message) implements SessionMessage {
    public SessionEnd {
        Objects.requireNonNull(recordId, "recordId");
    }

    @Override
    public MessageType messageType() {
        return MessageType.SESSION_END;
    }
}
