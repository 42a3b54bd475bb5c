// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

/** One row of a record list (workstation case view, archive table). */
public record RecordSummary(String id, String caseId, String caseNumber, String kind, String title,
                            RecordStatus status, String suspectName, String interrogators, String createdAt,
                            String updatedAt) {
}
