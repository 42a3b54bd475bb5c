// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SlotKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tixun.core.pki.Pki;

/**
 * Checks DOMAIN.md rules 5–9 and 15 on a frozen record and its signature events before sealing, and
 * groups the events into signers in signing order.
 */
public final class SigningRules {
    private SigningRules() {
    }

    /** One signer's events, in slot order. */
    public record Signer(SignerIdentity identity, List<SignatureEvent> events) {
        /** When the signer finished (latest completion time). */
        public java.time.Instant completedAt() {
            return events.stream().map(e -> e.times().hostEnd()).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /**
     * Checks the rules and returns the signers in signing order.
     *
     * @param pageCount pages of the frozen PDF
     * @throws SigningRulesException listing every broken rule
     */
    public static List<Signer> check(SealRequest request, int pageCount) throws SigningRulesException {
        List<RuleViolation> v = new ArrayList<>();
        Map<String, SignatureSlot> slots = new LinkedHashMap<>();
        for (SignatureSlot s : request.slots()) {
            if (slots.put(s.id(), s) != null) {
                v.add(new RuleViolation(5, EvidenceMessages.of("rules.duplicateSlot", s.id())));
            }
            if (s.pageIndex() >= pageCount) {
                v.add(new RuleViolation(5, EvidenceMessages.of("rules.slotPageBeyondLast", s.id(), s.pageNumber())));
            }
        }
        Set<SignerRole> refused = EnumSet.noneOf(SignerRole.class);
        for (Refusal r : request.refusals()) {
            refused.add(r.role());
        }
        String frozenHash = Pki.sha256Hex(request.frozenPdf());
        Map<String, SignatureEvent> bySlot = new HashMap<>();
        for (SignatureEvent e : request.events()) {
            SignatureSlot slot = slots.get(e.slotId());
            if (slot == null) {
                v.add(new RuleViolation(5, EvidenceMessages.of("rules.signedUnknownSlot", e.signer().role(),
                        e.signer().name(), e.slotId())));
                continue;
            }
            if (slot.role() != e.signer().role()) {
                v.add(new RuleViolation(9, EvidenceMessages.of("rules.wrongSigner", slot.pageNumber(), slot.role(),
                        e.signer().role())));
            }
            if (!frozenHash.equalsIgnoreCase(e.frozenContentSha256())) {
                v.add(new RuleViolation(7, EvidenceMessages.of("rules.otherVersion", slot.pageNumber(), slot.role())));
            }
            if (bySlot.put(e.slotId(), e) != null) {
                v.add(new RuleViolation(5, EvidenceMessages.of("rules.twice", slot.pageNumber(), slot.role(),
                        slot.kind())));
            }
        }
        // Rule 5: suspect signature and fingerprint on every page; rule 6: confirmation on the last page.
        if (!refused.contains(SignerRole.SUSPECT)) {
            for (int p = 0; p < pageCount; p++) {
                requireOnPage(v, slots, bySlot, p, SlotKind.SIGNATURE, 5);
                requireOnPage(v, slots, bySlot, p, SlotKind.FINGERPRINT, 5);
            }
            if (pageCount > 0) {
                requireOnPage(v, slots, bySlot, pageCount - 1, SlotKind.CONFIRMATION, 6);
            }
        }
        // Every defined slot must be filled unless its role refused (rule 7 corrections, dates, others).
        for (SignatureSlot s : slots.values()) {
            if (!bySlot.containsKey(s.id()) && !refused.contains(s.role()) && !(s.role() == SignerRole.SUSPECT
                    && (s.kind() == SlotKind.SIGNATURE || s.kind() == SlotKind.FINGERPRINT
                    || s.kind() == SlotKind.CONFIRMATION))) {
                v.add(new RuleViolation(s.kind() == SlotKind.CORRECTION ? 7 : 9, EvidenceMessages.of("rules.missing",
                        s.pageNumber(), s.role(), s.kind())));
            }
        }
        Map<SignerIdentity, List<SignatureEvent>> grouped = new LinkedHashMap<>();
        for (SignatureEvent e : request.events()) {
            if (slots.containsKey(e.slotId())) {
                grouped.computeIfAbsent(e.signer(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Signer> signers = new ArrayList<>();
        for (var entry : grouped.entrySet()) {
            List<SignatureEvent> events = new ArrayList<>(entry.getValue());
            events.sort(Comparator.comparingInt((SignatureEvent e) -> slots.get(e.slotId()).pageIndex())
                    .thenComparing(e -> e.times().hostStart()));
            signers.add(new Signer(entry.getKey(), events));
        }
        Set<SignerRole> signed = EnumSet.noneOf(SignerRole.class);
        for (Signer s : signers) {
            signed.add(s.identity().role());
        }
        // Rule 8: a refusal needs its witness's signature.
        for (Refusal r : request.refusals()) {
            boolean witnessed = signers.stream().anyMatch(s -> s.identity().role() == SignerRole.WITNESS
                    && s.identity().name().equals(r.witnessName()));
            if (!witnessed) {
                v.add(new RuleViolation(8, EvidenceMessages.of("rules.witnessMissing", r.role(), r.witnessName())));
            }
        }
        // Rule 9 (and 1): interrogators, recorder and every participant present sign.
        long interrogators = signers.stream().filter(s -> s.identity().role() == SignerRole.INTERROGATOR).count();
        if (interrogators < 2 && !(interrogators >= 1 && signed.contains(SignerRole.RECORDER))) {
            v.add(new RuleViolation(9, EvidenceMessages.of("rules.interrogators")));
        }
        Set<SignerRole> required = EnumSet.noneOf(SignerRole.class);
        required.addAll(request.participants());
        required.add(SignerRole.SUSPECT);
        if (request.kind() == DocumentKind.PLEA_AGREEMENT) {
            if (!signed.contains(SignerRole.LAWYER)) {
                v.add(new RuleViolation(15, EvidenceMessages.of("rules.pleaLawyer")));
            }
            required.remove(SignerRole.LAWYER);
        }
        for (SignerRole role : required) {
            if (!signed.contains(role) && !refused.contains(role)) {
                v.add(new RuleViolation(9, EvidenceMessages.of("rules.notSigned", role)));
            }
        }
        // Rule 9: signing order suspect -> adult/interpreter/lawyer -> interrogators -> recorder.
        signers.sort(Comparator.comparing(Signer::completedAt));
        for (int i = 1; i < signers.size(); i++) {
            SignerRole before = signers.get(i - 1).identity().role();
            SignerRole after = signers.get(i).identity().role();
            if (before.rank() > after.rank()) {
                v.add(new RuleViolation(9, EvidenceMessages.of("rules.order", before, after)));
            }
        }
        if (!v.isEmpty()) {
            throw new SigningRulesException(v);
        }
        return signers;
    }

    private static void requireOnPage(List<RuleViolation> v, Map<String, SignatureSlot> slots,
            Map<String, SignatureEvent> bySlot, int page, SlotKind kind, int rule) {
        boolean filled = slots.values().stream().anyMatch(s -> s.pageIndex() == page && s.role() == SignerRole.SUSPECT
                && s.kind() == kind && bySlot.containsKey(s.id()));
        if (!filled) {
            v.add(new RuleViolation(rule, EvidenceMessages.of("rules.suspectMissing", (page + 1), kind)));
        }
    }
}
