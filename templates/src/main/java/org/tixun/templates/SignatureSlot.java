// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.Objects;

/**
 * A place where a participant signs, as declared in a manifest.
 *
 * @param id the slot id, referenced by the layout's {@code <object data-slot="id">} element
 * @param role the participant who signs here
 * @param placement where the slot appears
 * @param confirmationText whether the signer must handwrite the confirmation sentence here
 * @param fingerprint whether a fingerprint impression is required with the signature
 * @param labelZh the Chinese caption
 * @param labelEn the English caption
 * @param condition a field that must have a value for the slot to exist (e.g. the interpreter's
 *     name), or {@code null} if the slot always exists
 */
public record SignatureSlot(
        String id,
        Role role,
        SlotPlacement placement,
        boolean confirmationText,
        boolean fingerprint,
        String labelZh,
        String labelEn,
        String condition) {

    /** Validates the components. */
    public SignatureSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(placement, "placement");
    }

    /** Returns the caption in the given language. */
    public String label(Lang lang) {
        return lang == Lang.ZH ? labelZh : labelEn;
    }
}
