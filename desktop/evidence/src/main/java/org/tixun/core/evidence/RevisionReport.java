// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.util.List;

/**
 * What was found about one signed revision.
 *
 * @param revision 1-based position among the signatures, in file order
 * @param fieldName signature field name
 * @param kind "signer", "seal" or "document-timestamp"
 * @param signerName signer name (certificate common name)
 * @param role role in words, if known
 * @param signingTime claimed signing time (ISO-8601), if any
 * @param timestampTime time in the RFC 3161 token, if any
 * @param findings every check on this revision
 */
public record RevisionReport(int revision, String fieldName, String kind, String signerName, String role,
        String signingTime, String timestampTime, List<Finding> findings) {
    /** True when every check on this revision holds. */
    public boolean ok() {
        return findings.stream().allMatch(Finding::ok);
    }
}
