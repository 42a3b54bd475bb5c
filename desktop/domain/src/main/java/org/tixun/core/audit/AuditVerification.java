// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.util.Messages;

/**
 * Result of checking the audit chain: either intact, or the first bad entry and why ({@link #message()} says which in
 * words, in the reader's language).
 */
public record AuditVerification(boolean intact, long firstBadSeq, Message message, int entries) implements Localized {
    static AuditVerification ok(int entries) {
        return new AuditVerification(true, 0, Messages.of("audit.intact", entries), entries);
    }

    static AuditVerification broken(long seq, Message problem, int entries) {
        return new AuditVerification(false, seq, problem, entries);
    }

    /** Why the chain is broken, 「中文 (English)」 for the command line; "" when intact. */
    public String problem() {
        return intact ? "" : message.bilingual();
    }
}
