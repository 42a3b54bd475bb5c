// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import java.util.Objects;

/**
 * A place on a frozen page where a given role signs, fingerprints or writes.
 *
 * @param id unique slot id within the record, also used as the PDF field name
 * @param pageIndex zero-based page index
 * @param x left edge in PDF points
 * @param y bottom edge in PDF points
 * @param width width in PDF points
 * @param height height in PDF points
 * @param role who fills the slot
 * @param kind what goes in it
 */
public record SignatureSlot(String id, int pageIndex, float x, float y, float width, float height, SignerRole role,
        SlotKind kind) {
    public SignatureSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("slot id must be ASCII letters, digits, '_', '.', '-': " + id);
        }
        if (pageIndex < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad slot geometry: " + id);
        }
    }

    /** One-based page number as people say it. */
    public int pageNumber() {
        return pageIndex + 1;
    }
}
