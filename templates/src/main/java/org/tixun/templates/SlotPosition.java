// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * Where one signature slot lies on one page of a rendered document, for the signing step.
 *
 * <p>Coordinates are PDF user-space points of the page's media box: the origin is the bottom-left
 * corner, y grows upwards, 1 pt = 1/72 in.
 *
 * @param pageIndex the 0-based page index
 * @param slotId the slot id from the manifest
 * @param role the signer's role
 * @param placement the slot's placement (EVERY_PAGE or LAST_PAGE)
 * @param x the left edge
 * @param y the bottom edge
 * @param width the width
 * @param height the height
 * @param confirmationText whether the signer must handwrite the confirmation sentence here
 * @param fingerprint whether a fingerprint impression is required here
 */
public record SlotPosition(
        int pageIndex,
        String slotId,
        Role role,
        SlotPlacement placement,
        float x,
        float y,
        float width,
        float height,
        boolean confirmationText,
        boolean fingerprint) {

    /** Validates the components. */
    public SlotPosition {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(placement, "placement");
        if (pageIndex < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Invalid slot position " + slotId + " on page " + pageIndex);
        }
    }
}
