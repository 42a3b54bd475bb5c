// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SlotKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tixun.demo.SampleRecord;
import org.tixun.core.pki.Pki;

class SigningRulesTest {
    private static final int PAGES = 3;
    private static final byte[] FROZEN = "frozen-pdf-bytes".getBytes();

    private static SealRequest request(Predicate<SignatureEvent> keep, DocumentKind kind, Set<SignerRole> participants,
            List<Refusal> refusals, List<SignatureEvent> extra) {
        List<SignatureSlot> slots = SampleRecord.slots(PAGES);
        List<SignatureEvent> events = new ArrayList<>(SampleRecord.events(slots, Pki.sha256Hex(FROZEN)).stream()
                .filter(keep).toList());
        events.addAll(extra);
        return new SealRequest("R", kind, FROZEN, slots, events, participants, refusals);
    }

    private static List<String> violations(SealRequest request) {
        SigningRulesException e = catchThrowableOfType(SigningRulesException.class,
                () -> SigningRules.check(request, PAGES));
        assertThat(e).as("expected a refusal").isNotNull();
        return e.violations().stream().map(RuleViolation::zh).toList();
    }

    @Test
    void completeRecordPassesInSigningOrder() throws Exception {
        List<SigningRules.Signer> signers = SigningRules.check(request(e -> true, DocumentKind.INTERROGATION_RECORD,
                Set.of(SignerRole.APPROPRIATE_ADULT), List.of(), List.of()), PAGES);
        assertThat(signers).extracting(s -> s.identity().role()).containsExactly(SignerRole.SUSPECT,
                SignerRole.APPROPRIATE_ADULT, SignerRole.INTERROGATOR, SignerRole.INTERROGATOR, SignerRole.RECORDER);
    }

    @Test
    void missingPageFingerprintNamesPageAndRole() {
        assertThat(violations(request(e -> !e.slotId().equals("p2-suspect-fp"), DocumentKind.INTERROGATION_RECORD,
                Set.of(), List.of(), List.of()))).containsExactly("第 2 页缺少犯罪嫌疑人指印");
    }

    @Test
    void missingPageSignatureAndConfirmationAreRefused() {
        assertThat(violations(request(e -> !e.slotId().equals("p1-suspect-sig") && !e.slotId().equals("confirmation"),
                DocumentKind.INTERROGATION_RECORD, Set.of(), List.of(), List.of())))
                .containsExactlyInAnyOrder("第 1 页缺少犯罪嫌疑人签名", "第 3 页缺少犯罪嫌疑人确认语");
    }

    @Test
    void absentParticipantIsRefused() {
        assertThat(violations(request(e -> e.signer().role() != SignerRole.APPROPRIATE_ADULT,
                DocumentKind.INTERROGATION_RECORD, Set.of(SignerRole.APPROPRIATE_ADULT), List.of(), List.of())))
                .contains("缺少合适成年人的签名", "第 3 页缺少合适成年人签名");
    }

    @Test
    void wrongSigningOrderIsRefused() {
        List<SignatureEvent> events = SampleRecord.events(SampleRecord.slots(PAGES), Pki.sha256Hex(FROZEN));
        SignatureEvent recorder = events.stream().filter(e -> e.signer().role() == SignerRole.RECORDER).findFirst()
                .orElseThrow();
        EventTimes early = new EventTimes(recorder.times().hostStart().minusSeconds(3600),
                recorder.times().hostEnd().minusSeconds(7200), 0, 0, 0, 0, null);
        SignatureEvent earlyRecorder = new SignatureEvent(recorder.eventId(), recorder.signer(), recorder.slotId(),
                recorder.samples(), null, null, null, null, early, recorder.device(), recorder.frozenContentSha256(), null);
        assertThat(violations(request(e -> e != recorder && e.signer().role() != SignerRole.RECORDER,
                DocumentKind.INTERROGATION_RECORD, Set.of(), List.of(), List.of(earlyRecorder))))
                .contains("签名顺序错误：记录人在犯罪嫌疑人之前签名");
    }

    @Test
    void pleaAgreementNeedsALawyer() {
        assertThat(violations(request(e -> true, DocumentKind.PLEA_AGREEMENT, Set.of(), List.of(), List.of())))
                .containsExactly("认罪认罚具结书缺少辩护人或值班律师签名");
    }

    @Test
    void recordedRefusalWithWitnessAllowsSealingWithoutTheSuspect() throws Exception {
        List<SignatureSlot> slots = new ArrayList<>(SampleRecord.slots(PAGES));
        slots.add(new SignatureSlot("witness-sig", PAGES - 1, 400, 180, 120, 44, SignerRole.WITNESS, SlotKind.SIGNATURE));
        List<SignatureEvent> events = new ArrayList<>(SampleRecord.events(slots, Pki.sha256Hex(FROZEN)).stream()
                .filter(e -> e.signer().role() != SignerRole.SUSPECT).toList());
        SignatureEvent template = events.get(0);
        events.add(0, new SignatureEvent("w1", new SignerIdentity("周八", SignerRole.WITNESS, "W-1"), "witness-sig",
                template.samples(), null, null, null, null, new EventTimes(template.times().hostStart().minusSeconds(60),
                template.times().hostStart().minusSeconds(30), 0, 0, 0, 0, null), template.device(),
                Pki.sha256Hex(FROZEN), null));
        Refusal refusal = new Refusal(SignerRole.SUSPECT, "拒绝签名，称笔录不实", "周八", null);
        SealRequest ok = new SealRequest("R", DocumentKind.INTERROGATION_RECORD, FROZEN, slots, events, Set.of(),
                List.of(refusal));
        assertThat(SigningRules.check(ok, PAGES)).extracting(s -> s.identity().role()).startsWith(SignerRole.WITNESS);
        SealRequest noWitness = new SealRequest("R", DocumentKind.INTERROGATION_RECORD, FROZEN, slots,
                events.subList(1, events.size()), Set.of(), List.of(refusal));
        assertThat(violations(noWitness)).contains("犯罪嫌疑人拒绝签名，但缺少见证人周八的签名");
    }

    @Test
    void eventSignedOverAnotherVersionIsRefused() {
        List<SignatureSlot> slots = SampleRecord.slots(PAGES);
        List<SignatureEvent> events = SampleRecord.events(slots, "00".repeat(32));
        SealRequest r = new SealRequest("R", DocumentKind.INTERROGATION_RECORD, FROZEN, slots, events, Set.of(),
                List.of());
        assertThat(violations(r)).contains("第 1 页犯罪嫌疑人的签名针对的是另一版本的笔录，需重新签名");
    }
}
