// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SignatureSlot;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to seal one frozen record.
 *
 * @param recordId the record's id, written into every manifest
 * @param kind document kind (rule 15 depends on it)
 * @param frozenPdf the frozen PDF/A-3b bytes (revision 0)
 * @param slots every signature slot on the frozen pages
 * @param events the completed signature events
 * @param participants the roles present at the session who must sign (e.g. an appropriate adult)
 * @param refusals recorded refusals to sign
 * @param recordingManifest the session's recording manifest (JSON, {@code recording-manifest.json}), or null; the
 *     institution seal revision embeds it and the seal manifest names its SHA-256 and chain head
 */
public record SealRequest(String recordId, DocumentKind kind, byte[] frozenPdf, List<SignatureSlot> slots,
        List<SignatureEvent> events, Set<SignerRole> participants, List<Refusal> refusals, byte[] recordingManifest,
        boolean demo) {
    /** A request without a recording manifest. */
    public SealRequest(String recordId, DocumentKind kind, byte[] frozenPdf, List<SignatureSlot> slots,
            List<SignatureEvent> events, Set<SignerRole> participants, List<Refusal> refusals) {
        this(recordId, kind, frozenPdf, slots, events, participants, refusals, null, false);
    }

    /** With a recording manifest, not a demo record. */
    public SealRequest(String recordId, DocumentKind kind, byte[] frozenPdf, List<SignatureSlot> slots,
            List<SignatureEvent> events, Set<SignerRole> participants, List<Refusal> refusals,
            byte[] recordingManifest) {
        this(recordId, kind, frozenPdf, slots, events, participants, refusals, recordingManifest, false);
    }

    /** The same request with the session's recording manifest (JSON). */
    public SealRequest withRecordingManifest(byte[] json) {
        return new SealRequest(recordId, kind, frozenPdf, slots, events, participants, refusals, json, demo);
    }

    /** The same request marked as made by the demo: the seal manifest says so and verification reports it. */
    public SealRequest asDemo() {
        return new SealRequest(recordId, kind, frozenPdf, slots, events, participants, refusals, recordingManifest,
                true);
    }

    public SealRequest {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(frozenPdf, "frozenPdf");
        slots = List.copyOf(slots);
        events = List.copyOf(events);
        participants = Set.copyOf(participants);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }
}
