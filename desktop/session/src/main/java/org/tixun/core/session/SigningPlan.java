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
     */
    public record PlannedSlot(String slotId, int pageIndex, SlotKind kind, SignerIdentity signer) {
        public PlannedSlot {
            Objects.requireNonNull(slotId, "slotId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(signer, "signer");
        }
    }

    @Override
    public MessageType messageType() {
        return MessageType.SIGNING_PLAN;
    }
}
