// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.List;
import java.util.Objects;

/**
 * A rendered PDF/A-3b document with what the signing step needs to know about it.
 *
 * @param pdf the PDF bytes
 * @param pageCount the number of pages
 * @param slots the position of every signature slot on every page, ordered by page then layout order
 * @param sha256 the lower-case hex SHA-256 of {@code pdf} (the frozen content hash)
 */
public record RenderResult(byte[] pdf, int pageCount, List<SlotPosition> slots, String sha256) {

    /** Validates the components and copies the slot list. */
    public RenderResult {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(sha256, "sha256");
        slots = List.copyOf(slots);
    }

    /** Returns the slots on one page. */
    public List<SlotPosition> slotsOnPage(int pageIndex) {
        return slots.stream().filter(s -> s.pageIndex() == pageIndex).toList();
    }
}
