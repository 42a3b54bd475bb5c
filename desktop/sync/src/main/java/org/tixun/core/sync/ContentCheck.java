// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.tixun.core.sync.i18n.SyncMessages;

/**
 * Hashes a file right before its bytes are sent, so that nothing but the sealed bytes ever leaves under a sealed
 * hash: a file that changed or vanished since sealing is a problem for the clerk, never an upload.
 */
public final class ContentCheck {
    private ContentCheck() {
    }

    /** Throws a {@link SyncProblem#RECORDING_MISMATCH} or {@link SyncProblem#RECORDING_MISSING} refusal. */
    public static void requireSealed(Delivery.Recording r) throws DeliveryException {
        String found;
        long size;
        try {
            size = Files.size(r.path());
            found = SyncService.sha256(r.path());
        } catch (NoSuchFileException e) {
            throw DeliveryException.problem(SyncProblem.RECORDING_MISSING, SyncMessages.of("content.segmentMissing",
                    r.path(), r.index(), r.sha256()), r, null);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: cannot read the recording " + r.path() + ": "
                    + e.getMessage(), null, null, e);
        }
        if (!found.equals(r.sha256()) || size != r.size()) {
            throw DeliveryException.problem(SyncProblem.RECORDING_MISMATCH, SyncMessages.of("content.segmentAltered",
                    r.path(), r.sha256(), r.size(), found, size), r, found);
        }
    }

    /** Throws a {@link SyncProblem#DOCUMENT_MISMATCH} refusal when the sealed PDF's file changed. */
    public static void requireSealedDocument(Delivery d) throws DeliveryException {
        String found;
        try {
            found = SyncService.sha256(d.document());
        } catch (NoSuchFileException e) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, SyncMessages.of("content.documentMissing",
                    d.document()), null, null);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: cannot read the sealed document " + d.document()
                    + ": " + e.getMessage(), null, null, e);
        }
        if (!found.equalsIgnoreCase(d.documentSha256())) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, SyncMessages.of("content.documentAltered",
                    d.document(), d.documentSha256(), found), null, found);
        }
    }
}
