// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.time.Instant;
import org.tixun.core.i18n.Message;

/**
 * Why a queued record is where it is, in words for the clerk ({@code tixun sync status}, the archive screen).
 *
 * @param code what kind of reason
 * @param detail the server's last words or the problem found (may be null)
 * @param nextAttemptAt when it is tried again (waiting codes), else null
 * @param message the reason, for the reader's language
 */
public record WaitReason(Code code, String detail, Instant nextAttemptAt, Message message) {

    /** The kinds of reason. */
    public enum Code {
        /** Delivered and receipted. */
        DELIVERED,
        /** Delivered, but the registration did not name the recording the record sealed. */
        REGISTERED_WITHOUT_RECORDING,
        /** A worker is sending it now. */
        SENDING,
        /** No case-system address is configured and it was never attempted. */
        NO_DESTINATION,
        /** Due now: waits for the sync worker ({@code tixun sync run}). */
        DUE,
        /** The last attempt failed on a transient fault; back-off until {@link #nextAttemptAt}. */
        RETRY_WAIT,
        /** The case system refused it; waits for the clerk's retry. */
        REFUSED,
        /** A local file is not what the record sealed (or is gone); waits for the clerk. */
        PROBLEM
    }

    /** The reason in Chinese. */
    public String zh() {
        return message.chinese();
    }

    /** The reason in English. */
    public String en() {
        return message.english();
    }

    /** Both languages on one line. */
    public String text() {
        return message.bilingual();
    }
}
