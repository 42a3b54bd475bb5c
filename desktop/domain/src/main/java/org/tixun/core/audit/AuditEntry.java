// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

/** One audit log entry as stored. */
public record AuditEntry(long seq, String at, String actor, String action, String subject, String details,
                         String prevHash, String hash) {
}
