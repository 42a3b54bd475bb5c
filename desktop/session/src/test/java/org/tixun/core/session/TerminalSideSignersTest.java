// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.RevisionReport;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.core.session.flow.SlotPlanner;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.Lang;
import org.tixun.templates.TemplateRegistry;

/**
 * The people who sign at the terminal besides the suspect — the appropriate adult (合适成年人) and the interpreter
 * (翻译人员) — are planned at the terminal on the last page, walked through there after the suspect, delivered to the
 * workstation once each bound to the frozen hash, and sealed into a record that verifies: one JVM, a real mutual-TLS
 * loopback link.
 */
@Timeout(90)
class TerminalSideSignersTest {
    private static final String ADULT = "李秀兰";
    private static final String INTERPRETER = "阿依古丽";
    private static final List<SignerRole> TERMINAL_ONLY = List.of(SignerRole.APPROPRIATE_ADULT,
            SignerRole.INTERPRETER);

    @TempDir
    Path dir;

    private static DocumentData withAdultAndInterpreter(DocumentData data) {
        return data.with("appropriateAdultName", ADULT).with("appropriateAdultRelation", "母亲")
                .with("interpreterName", INTERPRETER).with("interpreterEmployer", "某某市外国语学院");
    }

    @Test
    void adultAndInterpreterSignAtTheTerminalAfterTheSuspectAndTheRecordSeals() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "合适成年人测试检察院");
        // The full example Q&A runs over more than one page, so "the last page" means something.
        DocumentData data = withAdultAndInterpreter(ExampleData.forKind("INTERROGATION_RECORD").orElseThrow());
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());
        List<String> filed = new CopyOnWriteArrayList<>();
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));

        try (FlowFixtures.Terminal t = FlowFixtures.Terminal.open(fx, dir.resolve("t"));
                SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
                WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), t.address(), "adult-1", ws,
                        wj, LinkFixtures.FAST);
                WorkstationFlow wf = new WorkstationFlow(
                        FlowFixtures.setup("adult-1", "rec-ai", wdir, ws, wj, fx, templates, filed), wl)) {
            TerminalFlow terminal = t.flow();
            List<TerminalFlow.Step> presented = new CopyOnWriteArrayList<>();
            terminal.addListener(new FlowListener() {
                @Override
                public void step(TerminalFlow.Step step) {
                    presented.add(step);
                }
            });
            Map<String, List<SignatureEvent>> arrived = new ConcurrentHashMap<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            wf.addListener(new FlowListener() {
                @Override
                public void signed(PlannedSlot slot, SignatureEvent event) {
                    arrived.computeIfAbsent(slot.slotId(), k -> new CopyOnWriteArrayList<>()).add(event);
                }

                @Override
                public void problem(org.tixun.core.i18n.Message message) {
                    problems.add(message.bilingual());
                }
            });
            wl.start();
            assertThat(wl.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
            String frozenSha = wf.freezeAndSend(data);
            WorkstationState plan = wf.state();

            // 1. The plan: the adult and the interpreter sign at the terminal, on the last page, after the suspect.
            assertThat(frozenSha).isEqualTo(plan.frozenSha())
                    .isEqualTo(Pki.sha256Hex(Files.readAllBytes(wdir.resolve("sessions/adult-1/frozen.pdf"))));
            int lastPage = plan.slots().stream().mapToInt(s -> s.pageIndex()).max().orElseThrow();
            assertThat(lastPage).as("the record has more than one page").isPositive();
            PlannedSlot adult = only(plan.terminalSlots(), SignerRole.APPROPRIATE_ADULT);
            PlannedSlot interpreter = only(plan.terminalSlots(), SignerRole.INTERPRETER);
            assertThat(adult).usingRecursiveComparison().ignoringFields("area").isEqualTo(new PlannedSlot(
                    "appropriate-adult-p" + (lastPage + 1), lastPage, SlotKind.SIGNATURE,
                    new SignerIdentity(ADULT, SignerRole.APPROPRIATE_ADULT, "appropriate-adult")));
            assertThat(interpreter).usingRecursiveComparison().ignoringFields("area").isEqualTo(new PlannedSlot(
                    "interpreter-p" + (lastPage + 1), lastPage, SlotKind.SIGNATURE,
                    new SignerIdentity(INTERPRETER, SignerRole.INTERPRETER, "interpreter")));
            // Where each one signs, for the terminal's page: the closing block of the last page.
            assertThat(List.of(adult.area(), interpreter.area())).allSatisfy(a -> {
                assertThat(a.placement()).isEqualTo(SigningPlan.SlotArea.LAST_PAGE);
                assertThat(a.left()).isBetween(0.0, 1.0);
                assertThat(a.top()).isBetween(0.0, 1.0);
                assertThat(a.left() + a.width()).isLessThanOrEqualTo(1.0);
                assertThat(a.top() + a.height()).isLessThanOrEqualTo(1.0);
            });
            assertThat(plan.localSlots()).extracting(s -> s.signer().role())
                    .doesNotContainAnyElementsOf(TERMINAL_ONLY).doesNotContain(SignerRole.SUSPECT)
                    .containsOnly(SignerRole.INTERROGATOR, SignerRole.RECORDER);
            assertThat(plan.terminalSlots()).extracting(s -> s.signer().role())
                    .containsOnly(SignerRole.SUSPECT, SignerRole.APPROPRIATE_ADULT, SignerRole.INTERPRETER)
                    .endsWith(SignerRole.APPROPRIATE_ADULT, SignerRole.INTERPRETER);
            assertThat(plan.presentRoles()).contains("APPROPRIATE_ADULT", "INTERPRETER");
            assertThat(plan.slots()).filteredOn(s -> TERMINAL_ONLY.contains(s.role()))
                    .extracting(s -> s.id(), s -> s.pageIndex(), s -> s.role())
                    .containsExactly(tuple(adult.slotId(), lastPage, SignerRole.APPROPRIATE_ADULT),
                            tuple(interpreter.slotId(), lastPage, SignerRole.INTERPRETER));

            // 2. The terminal walks everybody through, in the plan's order: reading choice, suspect, adult, interpreter.
            List<FlowFixtures.Walked> walked = FlowFixtures.walk(terminal);
            assertThat(terminal.state().slots).as("the plan the terminal received").isEqualTo(plan.terminalSlots());
            assertThat(walked.get(0).step().kind()).isEqualTo(TerminalFlow.StepKind.READING);
            List<FlowFixtures.Walked> slotSteps = walked.subList(1, walked.size());
            assertThat(slotSteps).extracting(w -> w.step().kind()).containsOnly(TerminalFlow.StepKind.SLOT);
            assertThat(slotSteps).extracting(w -> w.step().slot()).containsExactlyElementsOf(plan.terminalSlots());
            for (int i = 0; i < slotSteps.size(); i++) {
                TerminalFlow.Step step = slotSteps.get(i).step();
                SignatureEvent e = slotSteps.get(i).event();
                assertThat(step.index()).isEqualTo(i);
                assertThat(step.total()).isEqualTo(plan.terminalSlots().size());
                assertThat(e.slotId()).isEqualTo(step.slot().slotId());
                assertThat(e.signer()).isEqualTo(step.slot().signer());
                assertThat(e.frozenContentSha256()).isEqualTo(frozenSha);
            }
            int adultAt = indexOf(slotSteps, adult);
            int interpreterAt = indexOf(slotSteps, interpreter);
            int lastSuspectAt = 0;
            for (int i = 0; i < slotSteps.size(); i++) {
                if (slotSteps.get(i).step().slot().signer().role() == SignerRole.SUSPECT) {
                    lastSuspectAt = i;
                }
            }
            assertThat(lastSuspectAt).isLessThan(adultAt);
            assertThat(adultAt).isLessThan(interpreterAt);
            for (PlannedSlot p : List.of(adult, interpreter)) {
                SignatureEvent e = slotSteps.get(indexOf(slotSteps, p)).event();
                assertThat(e.signer().name()).isEqualTo(p.signer().name());
                assertThat(e.samples()).as("pen samples of " + p.slotId()).isNotEmpty();
            }
            // What the screen was told to show: the same slots in the same order (each step once per index).
            List<PlannedSlot> shown = new ArrayList<>();
            int lastIndex = -1;
            for (TerminalFlow.Step s : presented) {
                if (s.kind() == TerminalFlow.StepKind.SLOT && s.index() != lastIndex) {
                    shown.add(s.slot());
                    lastIndex = s.index();
                }
            }
            assertThat(shown).containsExactlyElementsOf(plan.terminalSlots());

            // 3. Every terminal event reached the workstation once, bound to the frozen hash; one event per slot.
            assertThat(wf.awaitEnd(Duration.ofSeconds(60))).isTrue();
            WorkstationState st = wf.state();
            assertThat(st.phase()).as(String.join("\n", problems)).isEqualTo(WorkstationFlow.Phase.SEALED);
            assertThat(st.rejected()).isEmpty();
            for (FlowFixtures.Walked w : slotSteps) {
                assertThat(arrived.get(w.event().slotId())).as(w.event().slotId()).singleElement()
                        .satisfies(e -> {
                            assertThat(e.eventId()).isEqualTo(w.event().eventId());
                            assertThat(e.signer()).isEqualTo(w.event().signer());
                            assertThat(e.frozenContentSha256()).isEqualTo(frozenSha);
                        });
            }
            List<PlannedSlot> all = new ArrayList<>(plan.terminalSlots());
            all.addAll(plan.localSlots());
            assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(all.stream().map(PlannedSlot::slotId)
                    .toList());
            assertThat(arrived.values()).allSatisfy(events -> assertThat(events).hasSize(1));
            List<SignatureEvent> journaled = wj.load("rec-ai");
            assertThat(journaled).extracting(SignatureEvent::slotId)
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(PlannedSlot::slotId).toList());
            assertThat(journaled).extracting(SignatureEvent::frozenContentSha256).containsOnly(frozenSha);
            assertThat(t.journal().load("rec-ai")).extracting(SignatureEvent::slotId)
                    .containsExactlyElementsOf(plan.terminalSlots().stream().map(PlannedSlot::slotId).toList());

            // 4. Sealed, filed, verified; the adult and the interpreter are among the sealed signers.
            assertThat(terminal.awaitEnded(Duration.ofSeconds(20))).isTrue();
            assertThat(filed).containsExactly("rec-ai");
            VerificationReport report = new Verifier(List.of(fx.keys.rootCertificate()))
                    .verify("sealed.pdf", Files.readAllBytes(Path.of(st.sealedPath())));
            assertThat(report.ok()).as(report.toText()).isTrue();
            List<RevisionReport> signers = report.revisions().stream().filter(r -> r.kind().equals("signer"))
                    .toList();
            assertThat(signers).extracting(RevisionReport::signerName, RevisionReport::role).contains(
                    tuple(ADULT, SignerRole.APPROPRIATE_ADULT.zh()), tuple(INTERPRETER, SignerRole.INTERPRETER.zh()));
            assertThat(signers).extracting(RevisionReport::role).containsExactly(SignerRole.SUSPECT.zh(),
                    SignerRole.APPROPRIATE_ADULT.zh(), SignerRole.INTERPRETER.zh(), SignerRole.INTERROGATOR.zh(),
                    SignerRole.INTERROGATOR.zh(), SignerRole.RECORDER.zh());
        }
    }

    @Test
    void withoutTheirNamesNoAdultOrInterpreterSlotIsPlanned() throws Exception {
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());
        DocumentData example = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();

        SlotPlanner.Plan none = plan(templates, example);
        assertThat(none.present()).doesNotContainAnyElementsOf(TERMINAL_ONLY);
        assertThat(none.terminal()).extracting(s -> s.signer().role()).containsOnly(SignerRole.SUSPECT);
        assertThat(none.slots()).noneMatch(s -> TERMINAL_ONLY.contains(s.role()));

        SlotPlanner.Plan blank = plan(templates, example.with("appropriateAdultName", " ")
                .with("interpreterName", ""));
        assertThat(blank.present()).doesNotContainAnyElementsOf(TERMINAL_ONLY);

        // Each name brings only its own slot.
        SlotPlanner.Plan interpreterOnly = plan(templates, example.with("interpreterName", INTERPRETER));
        assertThat(interpreterOnly.terminal()).extracting(s -> s.signer().role())
                .contains(SignerRole.INTERPRETER).doesNotContain(SignerRole.APPROPRIATE_ADULT);
        SlotPlanner.Plan both = plan(templates, withAdultAndInterpreter(example));
        assertThat(both.terminal()).extracting(s -> s.signer().role())
                .contains(SignerRole.APPROPRIATE_ADULT, SignerRole.INTERPRETER);
    }

    private static SlotPlanner.Plan plan(DefaultTemplateService templates, DocumentData data) throws Exception {
        return SlotPlanner.plan(templates.render("INTERROGATION_RECORD", data, Lang.ZH), data, Map.of());
    }

    private static PlannedSlot only(List<PlannedSlot> slots, SignerRole role) {
        List<PlannedSlot> of = slots.stream().filter(s -> s.signer().role() == role).toList();
        assertThat(of).as(role + " slots at the terminal").hasSize(1);
        return of.get(0);
    }

    private static int indexOf(List<FlowFixtures.Walked> steps, PlannedSlot slot) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step().slot().equals(slot)) {
                return i;
            }
        }
        throw new AssertionError("no step for " + slot.slotId());
    }
}
