// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/** A terminal's certificate request, sent on the one-time enrollment connection. */
public record EnrollmentRequest(String terminalName, byte[] csrDer) implements SessionMessage {
    public EnrollmentRequest {
        Objects.requireNonNull(terminalName, "terminalName");
        Objects.requireNonNull(csrDer, "csrDer");
    }

    @Override
    public MessageType messageType() {
        return MessageType.ENROLLMENT_REQUEST;
    }
}
