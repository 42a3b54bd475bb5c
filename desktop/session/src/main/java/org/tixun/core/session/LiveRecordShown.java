// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/**
 * The terminal has put a live record revision on screen (not reliable: a lost one is superseded by the next). The
 * workstation measures keystroke to terminal-shown latency with it.
 *
 * @param recordId the record
 * @param revision the revision shown
 */
public record LiveRecordShown(String recordId, long revision) implements SessionMessage {
    public LiveRecordShown {
        Objects.requireNonNull(recordId, "recordId");
    }

    @Override
    public MessageType messageType() {
        return MessageType.LIVE_RECORD_SHOWN;
    }
}
