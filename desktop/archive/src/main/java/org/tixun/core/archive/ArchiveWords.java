// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

/**
 * The words an imported record is filed under: data written into the case store (a case number and a cause of action
 * a clerk searches for), not messages for a person at a screen, so they do not change with a message bundle.
 */
public final class ArchiveWords {
    /** The case number an imported record is filed under unless one is given ({@code archive import}). */
    public static final String IMPORTED_CASE_NUMBER = "外来文书";
    /** The cause of action of a case created for imported records. */
    public static final String IMPORTED_CAUSE = "外来文书 imported record";

    private ArchiveWords() {
    }
}
