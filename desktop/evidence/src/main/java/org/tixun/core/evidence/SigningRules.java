// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

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
                v.add(new RuleViolation(5, "签名位置 " + s.id() + " 重复", "duplicate slot " + s.id()));
            }
            if (s.pageIndex() >= pageCount) {
                v.add(new RuleViolation(5, "签名位置 " + s.id() + " 指向不存在的第 " + s.pageNumber() + " 页",
                        "slot " + s.id() + " is on page " + s.pageNumber() + " beyond the last page"));
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
                v.add(new RuleViolation(5, e.signer().role().zh() + e.signer().name() + " 的签名指向不存在的位置 " + e.slotId(),
                        e.signer().role().en() + " " + e.signer().name() + " signed unknown slot " + e.slotId()));
                continue;
            }
            if (slot.role() != e.signer().role()) {
                v.add(new RuleViolation(9, "第 " + slot.pageNumber() + " 页" + slot.role().zh() + "的位置由"
                        + e.signer().role().zh() + "签署", "page " + slot.pageNumber() + ": the " + slot.role().en()
                        + "'s slot was signed by the " + e.signer().role().en()));
            }
            if (!frozenHash.equalsIgnoreCase(e.frozenContentSha256())) {
                v.add(new RuleViolation(7, "第 " + slot.pageNumber() + " 页" + slot.role().zh()
                        + "的签名针对的是另一版本的笔录，需重新签名", "page " + slot.pageNumber() + ": the "
                        + slot.role().en() + " signed a different version of the record; sign again"));
            }
            if (bySlot.put(e.slotId(), e) != null) {
                v.add(new RuleViolation(5, "第 " + slot.pageNumber() + " 页" + slot.role().zh() + slot.kind().zh()
                        + "重复", "page " + slot.pageNumber() + ": " + slot.role().en() + " " + slot.kind().en()
                        + " captured twice"));
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
                v.add(new RuleViolation(s.kind() == SlotKind.CORRECTION ? 7 : 9, "第 " + s.pageNumber() + " 页缺少"
                        + s.role().zh() + s.kind().zh(), "page " + s.pageNumber() + ": " + s.role().en() + " "
                        + s.kind().en() + " missing"));
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
                v.add(new RuleViolation(8, r.role().zh() + "拒绝签名，但缺少见证人" + r.witnessName() + "的签名",
                        "the " + r.role().en() + " refused to sign but witness " + r.witnessName() + " has not signed"));
            }
        }
        // Rule 9 (and 1): interrogators, recorder and every participant present sign.
        long interrogators = signers.stream().filter(s -> s.identity().role() == SignerRole.INTERROGATOR).count();
        if (interrogators < 2 && !(interrogators >= 1 && signed.contains(SignerRole.RECORDER))) {
            v.add(new RuleViolation(9, "讯问人签名不足：需要两名讯问人，或一名讯问人加记录人",
                    "not enough interrogators signed: two, or one plus the recorder, are required"));
        }
        Set<SignerRole> required = EnumSet.noneOf(SignerRole.class);
        required.addAll(request.participants());
        required.add(SignerRole.SUSPECT);
        if (request.kind() == DocumentKind.PLEA_AGREEMENT) {
            if (!signed.contains(SignerRole.LAWYER)) {
                v.add(new RuleViolation(15, "认罪认罚具结书缺少辩护人或值班律师签名",
                        "a plea and sentencing agreement needs the defence counsel's or duty lawyer's signature"));
            }
            required.remove(SignerRole.LAWYER);
        }
        for (SignerRole role : required) {
            if (!signed.contains(role) && !refused.contains(role)) {
                v.add(new RuleViolation(9, "缺少" + role.zh() + "的签名", role.en() + " has not signed"));
            }
        }
        // Rule 9: signing order suspect -> adult/interpreter/lawyer -> interrogators -> recorder.
        signers.sort(Comparator.comparing(Signer::completedAt));
        for (int i = 1; i < signers.size(); i++) {
            SignerRole before = signers.get(i - 1).identity().role();
            SignerRole after = signers.get(i).identity().role();
            if (before.rank() > after.rank()) {
                v.add(new RuleViolation(9, "签名顺序错误：" + before.zh() + "在" + after.zh() + "之前签名",
                        "wrong signing order: the " + before.en() + " signed before the " + after.en()));
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
            v.add(new RuleViolation(rule, "第 " + (page + 1) + " 页缺少犯罪嫌疑人" + kind.zh(),
                    "page " + (page + 1) + ": suspect " + kind.en() + " missing"));
        }
    }
}
