// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import java.time.Instant;
import java.util.Optional;

/**
 * The sync state of one record as the archive screen and {@code tixun sync status} show it.
 *
 * @param lastError the server's words (or the local cause) of the last failed attempt, null if none
 * @param lastStatus the HTTP status of the last failed attempt, null for local or connection errors
 * @param receiptJson the stored receipt once DONE
 * @param problem a problem only the clerk can resolve (a local file that is not the sealed one…), null if none
 */
public record SyncItem(String recordId, OutboxState state, int attempts, Instant nextAttemptAt, String lastError,
                       Integer lastStatus, String receiptJson, String destination, Instant updatedAt,
                       Instant syncedAt, SyncProblem problem) {

    /** The parsed receipt, present once delivered. */
    public Optional<Receipt> receipt() {
        return receiptJson == null ? Optional.empty() : Optional.of(Receipt.fromJson(receiptJson));
    }
}
