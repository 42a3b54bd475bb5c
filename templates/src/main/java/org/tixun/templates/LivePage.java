// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * One page of a live-record preview (同屏), for display only.
 *
 * @param pdf a PDF holding just that page
 * @param pageIndex the page's 0-based index in the whole record
 * @param pageCount the number of pages of the whole record
 * @param cursorY where the cursor entry's paragraph ends on that page, as a fraction of the page height from its top
 *     (0 to 1), or -1 when no entry was asked for or it was not found
 */
public record LivePage(byte[] pdf, int pageIndex, int pageCount, double cursorY) {

    /** Checks the components. */
    public LivePage {
        Objects.requireNonNull(pdf, "pdf");
        if (pageIndex < 0 || pageIndex >= pageCount) {
            throw new IllegalArgumentException("page " + pageIndex + " of " + pageCount);
        }
        if (cursorY != -1 && !(cursorY >= 0 && cursorY <= 1)) {
            throw new IllegalArgumentException("cursorY " + cursorY);
        }
    }
}
