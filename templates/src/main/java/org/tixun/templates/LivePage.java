// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * One page of a live-record preview (同屏), for display only.
 *
 * @param pdf a PDF holding just that page
 * @param pageIndex the page's 0-based index in the whole record
 * @param pageCount the number of pages of the whole record
 */
public record LivePage(byte[] pdf, int pageIndex, int pageCount) {

    /** Checks the components. */
    public LivePage {
        Objects.requireNonNull(pdf, "pdf");
        if (pageIndex < 0 || pageIndex >= pageCount) {
            throw new IllegalArgumentException("page " + pageIndex + " of " + pageCount);
        }
    }
}
