// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.util.List;

/**
 * A sealed record and what it cost.
 *
 * @param sealedPdf the sealed PDF (PAdES B-LTA)
 * @param revisions one line per revision made, in order
 */
public record SealResult(byte[] sealedPdf, List<RevisionInfo> revisions) {
    /**
     * One revision made while sealing.
     *
     * @param label signer role and name, "seal", "dss" or "doc-timestamp"
     * @param fieldName signature field name, or null for the DSS revision
     * @param nanos time taken
     * @param bytesAdded bytes appended by this revision
     * @param photoBytes bytes of photos attached in it
     * @param fingerprintBytes bytes of (encrypted) fingerprint images attached in it
     */
    public record RevisionInfo(String label, String fieldName, long nanos, long bytesAdded, long photoBytes,
            long fingerprintBytes) {
    }
}
