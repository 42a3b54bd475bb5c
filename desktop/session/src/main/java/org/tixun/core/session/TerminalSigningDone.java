// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/**
 * Every terminal-side slot of the plan is signed; sent reliably after the last signature event, so the workstation
 * knows the terminal's part is over once it has this and {@code eventCount} events.
 *
 * @param recordId the record
 * @param frozenContentSha256 the frozen record
 * @param eventCount how many signature events the terminal sent for it
 */
public record TerminalSigningDone(String recordId, String frozenContentSha256, int eventCount)
        implements SessionMessage {
    public TerminalSigningDone {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
    }

    @Override
    public MessageType messageType() {
        return MessageType.TERMINAL_SIGNING_DONE;
    }
}
