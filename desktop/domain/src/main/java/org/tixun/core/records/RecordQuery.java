// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

import java.time.LocalDate;

/**
 * Archive filter: every part optional. {@code text} matches case number, suspect and interrogator names.
 * Dates are inclusive on the record's creation day (UTC).
 */
public record RecordQuery(String text, String kind, RecordStatus status, LocalDate from, LocalDate to,
                          int offset, int limit, Sort sort, boolean ascending) {

    /** Columns the archive can sort on in the database (the others only group the page shown). */
    public enum Sort {
        CREATED("r.created_at"), CASE_NUMBER("c.case_number"), TITLE("r.title"), STATUS("r.status", "r.created_at");

        private final String[] columns;

        Sort(String... columns) {
            this.columns = columns;
        }

        /** ORDER BY terms in one direction, ending with the id so pages never overlap (matches the indexes). */
        String orderBy(boolean ascending) {
            String dir = ascending ? " ASC" : " DESC";
            return String.join(dir + ", ", columns) + dir + ", r.id" + dir;
        }
    }

    public RecordQuery {
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** Newest first, the archive's default order. */
    public RecordQuery(String text, String kind, RecordStatus status, LocalDate from, LocalDate to, int offset,
                       int limit) {
        this(text, kind, status, from, to, offset, limit, Sort.CREATED, false);
    }

    public static RecordQuery all(int limit) {
        return new RecordQuery(null, null, null, null, null, 0, limit);
    }

    public RecordQuery sortedBy(Sort newSort, boolean asc) {
        return new RecordQuery(text, kind, status, from, to, offset, limit, newSort, asc);
    }
}
