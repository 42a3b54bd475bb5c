// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

import java.time.LocalDate;

/**
 * Archive filter: every part optional. {@code text} matches case number, suspect and interrogator names.
 * Dates are inclusive on the record's creation day (UTC).
 */
public record RecordQuery(String text, String kind, RecordStatus status, LocalDate from, LocalDate to,
                          int offset, int limit) {
    public static RecordQuery all(int limit) {
        return new RecordQuery(null, null, null, null, null, 0, limit);
    }
}
