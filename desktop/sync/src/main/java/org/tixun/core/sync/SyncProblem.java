// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.i18n.Message;
import org.tixun.core.sync.i18n.SyncMessages;

/** A problem with a queued record that only the clerk can resolve; shown with the record and in {@code sync status}. */
public enum SyncProblem {
    /** A sealed segment's file no longer has its sealed SHA-256: it was not sent. */
    RECORDING_MISMATCH,
    /** A sealed segment's bytes are not where the record keeps them. */
    RECORDING_MISSING,
    /** The sealed PDF's file no longer has the SHA-256 filed at sealing: it was not sent. */
    DOCUMENT_MISMATCH,
    /**
     * Delivered by a version before schema 5 with a manifest that does not name the recording the record sealed
     * (issue 16): the case system holds the record without (all of) its recording.
     */
    REGISTERED_WITHOUT_RECORDING;

    /** The problem's name as a message (sync bundle, {@code problem.<NAME>}). */
    public Message message() {
        return SyncMessages.of("problem." + name());
    }

    /** The problem's name in Chinese. */
    public String zh() {
        return message().chinese();
    }

    /** The problem's name in English. */
    public String en() {
        return message().english();
    }
}
