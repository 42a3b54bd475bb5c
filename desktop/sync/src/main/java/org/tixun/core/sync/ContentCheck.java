// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

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
            throw DeliveryException.problem(SyncProblem.RECORDING_MISSING, r.path() + "（片段 " + r.index() + "，封存 SHA-256 "
                    + r.sha256() + "）不存在 (" + r.path() + ", segment " + r.index() + ", sealed SHA-256 " + r.sha256()
                    + ", does not exist)", r, null);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: cannot read the recording " + r.path() + ": "
                    + e.getMessage(), null, null, e);
        }
        if (!found.equals(r.sha256()) || size != r.size()) {
            throw DeliveryException.problem(SyncProblem.RECORDING_MISMATCH, r.path() + " 封存 SHA-256 " + r.sha256()
                    + "（" + r.size() + " 字节），文件现为 " + found + "（" + size + " 字节）；未发送 (" + r.path()
                    + " sealed SHA-256 " + r.sha256() + ", " + r.size() + " bytes; file now " + found + ", " + size
                    + " bytes; not sent)", r, found);
        }
    }

    /** Throws a {@link SyncProblem#DOCUMENT_MISMATCH} refusal when the sealed PDF's file changed. */
    public static void requireSealedDocument(Delivery d) throws DeliveryException {
        String found;
        try {
            found = SyncService.sha256(d.document());
        } catch (NoSuchFileException e) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, d.document() + " 不存在 (does not exist)",
                    null, null);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: cannot read the sealed document " + d.document()
                    + ": " + e.getMessage(), null, null, e);
        }
        if (!found.equalsIgnoreCase(d.documentSha256())) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, d.document() + " 封存 SHA-256 "
                    + d.documentSha256() + "，文件现为 " + found + "；未发送 (sealed SHA-256 " + d.documentSha256()
                    + ", file now " + found + "; not sent)", null, found);
        }
    }
}
