// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SlotKind;

/**
 * Who signs what at the terminal, sent reliably just before the {@link SigningRequest} of the same frozen record: the
 * terminal-side slots in signing order with their page, kind and signer, and the recording the signing happens in
 * (DOMAIN.md rule 12).
 *
 * @param recordId the record
 * @param frozenContentSha256 hex SHA-256 of the frozen PDF (the same as in the signing request)
 * @param slots the slots to fill at the terminal, in signing order
 * @param recordingId the recording of this session that signature events reference
 * @param recordingStart when that recording started (host clock of the workstation)
 */
public record SigningPlan(String recordId, String frozenContentSha256, List<PlannedSlot> slots, String recordingId,
        Instant recordingStart) implements SessionMessage {
    public SigningPlan {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
        slots = List.copyOf(slots);
    }

    /**
     * One slot to fill.
     *
     * @param slotId the slot id (the PDF field name)
     * @param pageIndex 0-based page
     * @param kind signature, fingerprint or handwritten confirmation sentence
     * @param signer who signs it
     * @param area where the slot lies on its page, or null (a plan from a workstation that did not say)
     */
    public record PlannedSlot(String slotId, int pageIndex, SlotKind kind, SignerIdentity signer, SlotArea area) {
        public PlannedSlot {
            Objects.requireNonNull(slotId, "slotId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(signer, "signer");
        }

        /** A slot whose place on the page is not known. */
        public PlannedSlot(String slotId, int pageIndex, SlotKind kind, SignerIdentity signer) {
            this(slotId, pageIndex, kind, signer, null);
        }
    }

    /**
     * Where a slot lies on its page, as fractions of the page (origin top left, y down), so the terminal can show the
     * place on its page image at any resolution and name it.
     *
     * @param left left edge, 0 to 1 of the page width
     * @param top top edge, 0 to 1 of the page height
     * @param width width as a fraction of the page width
     * @param height height as a fraction of the page height
     * @param placement the template's placement of the slot: {@code EVERY_PAGE} (the running footer of every page) or
     *     {@code LAST_PAGE} (the closing block after the text)
     */
    public record SlotArea(double left, double top, double width, double height, String placement) {
        /** Placement of the per-page footer slots. */
        public static final String EVERY_PAGE = "EVERY_PAGE";
        /** Placement of the closing slots after the text. */
        public static final String LAST_PAGE = "LAST_PAGE";

        /** True for the running footer's slots. */
        public boolean footer() {
            return EVERY_PAGE.equals(placement);
        }
    }

    @Override
    public MessageType messageType() {
        return MessageType.SIGNING_PLAN;
    }
}
