// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.List;

/**
 * Opens (or resumes) a session on a fresh connection: sent first by the workstation, answered by the terminal.
 *
 * @param role the sender's role
 * @param versions protocol versions the sender speaks
 * @param sessionId the session (chosen by the workstation)
 * @param lastReceivedSeq the highest reliable sequence number the sender has durably received in this session, so
 *        the peer re-sends from the next one
 * @param name the sender's display name (terminal or workstation name)
 */
public record Hello(SessionRole role, List<Integer> versions, String sessionId, long lastReceivedSeq, String name)
        implements SessionMessage {
    public Hello {
        versions = List.copyOf(versions);
    }

    @Override
    public MessageType messageType() {
        return MessageType.HELLO;
    }
}
