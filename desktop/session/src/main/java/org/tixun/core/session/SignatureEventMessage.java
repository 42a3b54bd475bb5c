// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;
import org.tixun.core.evidence.model.SignatureEvent;

/** One completed signature event going back to the workstation; journaled at both ends before it is acknowledged. */
public record SignatureEventMessage(String recordId, SignatureEvent event) implements SessionMessage {
    public SignatureEventMessage {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(event, "event");
    }

    @Override
    public MessageType messageType() {
        return MessageType.SIGNATURE_EVENT;
    }
}
