// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

/** Where a signature slot appears in a rendered document. */
public enum SlotPlacement {
    /** In the page footer of every page (e.g. the suspect's signature and fingerprint). */
    EVERY_PAGE,
    /** Once, in the closing section on the last page. */
    LAST_PAGE,
    /**
     * Beside each correction made after rendering; it has no box in the rendered document, the signing
     * step places it next to the corrected text.
     */
    BESIDE_CORRECTIONS
}
