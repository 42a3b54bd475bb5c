// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

/** Result of checking the audit chain: either intact, or the first bad entry and why. */
public record AuditVerification(boolean intact, long firstBadSeq, String problem, int entries) {
    static AuditVerification ok(int entries) {
        return new AuditVerification(true, 0, "", entries);
    }

    static AuditVerification broken(long seq, String problem, int entries) {
        return new AuditVerification(false, seq, problem, entries);
    }
}
