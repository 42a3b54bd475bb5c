// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.Abort;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.SessionEnd;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SigningPlan;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningRequest;
import org.tixun.core.session.TerminalSigningDone;
import org.tixun.core.session.flow.WorkstationFlow.Phase;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;

/**
 * The workstation flow's core with fakes of its steps (the freeze, the event check, the journal, local signing, the
 * seal, drafts) over a real session store: the path from live to sealed, sessions saved by the earlier flow resuming,
 * and the process killed at each saved transition in turn, then started again, sealing with every slot signed once.
 */
class WorkstationFlowCoreTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Fakes of the steps, with what they were asked to do; the journal outlives a killed flow, as the real one. */
    static final class Fakes {
        final WorkstationState plan;
        final List<SessionMessage> sent = new CopyOnWriteArrayList<>();
        final Map<String, List<SignatureEvent>> journal = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> localCaptures = new ConcurrentHashMap<>();
        final AtomicInteger seals = new AtomicInteger();
        final AtomicReference<Exception> cancelNextSignature = new AtomicReference<>();
        final AtomicReference<DocumentData> draft = new AtomicReference<>();

        Fakes(WorkstationState plan) {
            this.plan = plan;
        }

        WorkstationSteps steps(WorkstationSteps.States states) {
            WorkstationSteps.Freezing freezing = new WorkstationSteps.Freezing() {
                @Override
                public WorkstationFlow.FreezePreview preview(DocumentData data, WorkstationState state) {
                    return new WorkstationFlow.FreezePreview(1, plan.terminalSlots(), plan.localSlots(), "READ");
                }

                @Override
                public WorkstationEvent.Frozen freeze(DocumentData data, WorkstationState state, Instant at) {
                    return WorkstationTransitionsTest.frozenLike(plan, at);
                }

                @Override
                public List<byte[]> pages(WorkstationState state) {
                    return List.of(new byte[] {1, 2, 3});
                }
            };
            WorkstationSteps.LocalSigning signing = (state, signed, each) -> {
                for (PlannedSlot s : state.localSlots()) {
                    if (signed.contains(s.slotId())) {
                        continue;
                    }
                    Exception cancel = cancelNextSignature.getAndSet(null);
                    if (cancel != null) {
                        throw cancel;
                    }
                    localCaptures.computeIfAbsent(s.slotId(), k -> new AtomicInteger()).incrementAndGet();
                    journal.put(s.slotId(), List.of());
                    each.accept(s, null);
                }
            };
            WorkstationSteps.Sealing sealing = (state, step) -> {
                WorkstationFlow.SEAL_STEPS.forEach(step);
                seals.incrementAndGet();
                return new WorkstationEvent.Sealed(Instant.now(), "5ea1", "sealed.pdf", 1.5, 2.5);
            };
            WorkstationSteps.Drafts drafts = new WorkstationSteps.Drafts() {
                @Override
                public void keep(DocumentData data) {
                    draft.set(data);
                }

                @Override
                public boolean flush() {
                    return true;
                }

                @Override
                public Optional<DocumentData> typed() {
                    return Optional.ofNullable(draft.get());
                }

                @Override
                public void close() {
                }
            };
            return new WorkstationSteps(freezing, (m, slot, state, now) -> null,
                    (recordId, frozenSha) -> frozenSha.equals(plan.frozenSha()) ? Map.copyOf(journal) : Map.of(),
                    signing, sealing, drafts, states);
        }

        /** The terminal's signers signed every terminal-side slot (their events are in the journal). */
        void terminalSigned() {
            plan.terminalSlots().forEach(s -> journal.put(s.slotId(), List.of()));
        }

        ReadingConfirmation read() {
            return new ReadingConfirmation(plan.recordId(), plan.frozenSha(), ReadingConfirmation.Path.READ, "张伟",
                    Instant.now());
        }

        TerminalSigningDone done() {
            return new TerminalSigningDone(plan.recordId(), plan.frozenSha(), plan.terminalSlots().size());
        }

        <T extends SessionMessage> List<T> sent(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The state store of a process that is killed at its {@code dieAt}-th save: that save and every later one fail. */
    static final class Killable implements WorkstationSteps.States {
        private final WorkstationSteps.States inner;
        private final int dieAt;
        private int saves;
        volatile boolean killed;

        Killable(WorkstationSteps.States inner, int dieAt) {
            this.inner = inner;
            this.dieAt = dieAt;
        }

        @Override
        public Optional<WorkstationState> load() throws IOException {
            return inner.load();
        }

        @Override
        public synchronized void save(WorkstationState state) throws IOException {
            if (killed || ++saves == dieAt) {
                killed = true;
                throw new IOException("the process was killed (test)");
            }
            inner.save(state);
        }
    }

    private static WorkstationState fresh() {
        return WorkstationState.start("rec-1", "INTERROGATION_RECORD", "session-s1", Instant.now().minusSeconds(5));
    }

    private static DocumentData data() {
        return ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
    }

    @Test
    void aSessionGoesFromLiveToSealedThroughItsSteps() throws Exception {
        Fakes f = new Fakes(WorkstationTransitionsTest.legacy("local"));
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"));
                WorkstationFlow flow = new WorkstationFlow("s1", fresh(), null,
                        f.steps(new StoredStates(store, "s1")), f.sent::add)) {
            List<String> phases = new CopyOnWriteArrayList<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            List<String> sealSteps = new CopyOnWriteArrayList<>();
            flow.addListener(new FlowListener() {
                @Override
                public void phase(String phase) {
                    phases.add(phase);
                }

                @Override
                public void sealStep(String step) {
                    sealSteps.add(step);
                }

                @Override
                public void problem(org.tixun.core.i18n.Message message) {
                    problems.add(message.bilingual());
                }
            });
            assertThat(flow.phase()).isEqualTo(Phase.LIVE);
            assertThat(store.flow("s1").orElseThrow().phase()).as("a new session is saved at once").isEqualTo("LIVE");
            assertThat(flow.previewFreeze(data()).pages()).isEqualTo(1);

            String sha = flow.freezeAndSend(data());
            assertThat(sha).isEqualTo(f.plan.frozenSha());
            assertThat(f.sent(SigningPlan.class)).hasSize(1);
            assertThat(f.sent(SigningRequest.class)).singleElement()
                    .satisfies(r -> assertThat(r.slotIds()).hasSize(f.plan.terminalSlots().size()));
            assertThat(flow.state().requestSent()).isTrue();
            assertThat(flow.state().stepMillis()).containsKey("freeze-and-send");
            assertThat(store.flow("s1").orElseThrow().phase()).isEqualTo("SIGNING");
            assertThatThrownBy(() -> flow.freezeAndSend(data())).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("Frozen in phase SIGNING");
            assertThatThrownBy(() -> flow.edit(data(), 0, true, 0)).isInstanceOf(FlowStateException.class)
                    .hasMessageContaining("the record is frozen");

            flow.onMessage(f.read());
            assertThat(flow.state().readingPath()).isEqualTo("READ");
            // Done before every terminal slot's event is in: said, not acted on.
            flow.onMessage(f.done());
            assertThat(flow.phase()).isEqualTo(Phase.SIGNING);
            assertThat(problems).anyMatch(p -> p.contains("has no event"));
            f.terminalSigned();
            flow.onMessage(f.done());
            assertThat(flow.awaitEnd(WAIT)).isTrue();

            WorkstationState st = flow.state();
            assertThat(st.phase()).as(String.join("\n", problems)).isEqualTo(Phase.SEALED);
            assertThat(st.sealedSha()).isEqualTo("5ea1");
            assertThat(st.stepMillis()).containsKeys("terminal-signing", "workstation-signing", "seal", "verify");
            assertThat(f.localCaptures).hasSize(f.plan.localSlots().size()).allSatisfy((k, n) ->
                    assertThat(n.get()).isOne());
            assertThat(sealSteps).isEqualTo(WorkstationFlow.SEAL_STEPS);
            // The terminal is told after the sealed state is saved (and awaitEnd returned): wait for it.
            org.tixun.core.Eventually.await("the session end sent", WAIT, () -> !f.sent(SessionEnd.class).isEmpty(),
                    () -> f.sent);
            assertThat(f.sent(SessionEnd.class)).singleElement().satisfies(e -> assertThat(e.sealedSha256())
                    .isEqualTo("5ea1"));
            assertThat(StoredStates.read(store.flow("s1").orElseThrow().stateJson())).isEqualTo(st);
            org.tixun.core.Eventually.await("the phases heard", WAIT, () -> phases.contains("SEALED"), () -> phases);
            assertThat(phases).containsSubsequence("SIGNING", "LOCAL_SIGNING", "SEALED");
        }
    }

    @Test
    void amendingTellsTheTerminalAndGoesBackToLive() throws Exception {
        Fakes f = new Fakes(WorkstationTransitionsTest.legacy("local"));
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"));
                WorkstationFlow flow = new WorkstationFlow("s1", fresh(), null,
                        f.steps(new StoredStates(store, "s1")), f.sent::add)) {
            assertThatThrownBy(() -> flow.amend("nothing frozen")).isInstanceOf(IllegalTransitionException.class);
            assertThat(f.sent).as("nothing told before the transition is allowed").isEmpty();
            flow.freezeAndSend(data());
            flow.amend("a typo");
            assertThat(f.sent(Abort.class)).singleElement().satisfies(a -> assertThat(a.reason()).contains("a typo")
                    .contains("已收集的签名作废").contains("signatures collected so far are void"));
            assertThat(flow.phase()).isEqualTo(Phase.LIVE);
            assertThat(flow.state().textRevision()).isOne();
            assertThat(store.flow("s1").orElseThrow().phase()).isEqualTo("LIVE");
            assertThatThrownBy(() -> flow.readingAloudAt(0, 0.5)).isInstanceOf(FlowStateException.class)
                    .hasMessageContaining("phase LIVE");
        }
    }

    @Test
    void aSignerWhoDidNotSignLeavesTheFlowWaitingUntilTakenUpAgain() throws Exception {
        Fakes f = new Fakes(WorkstationTransitionsTest.legacy("local"));
        f.terminalSigned();
        f.cancelNextSignature.set(new SigningCancelledException("张伟 未签名 (did not sign)"));
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"))) {
            store.saveFlow(new SessionStore.FlowState("s1", "WORKSTATION", "rec-1", "LOCAL_SIGNING",
                    StoredStates.write(f.plan)));
            try (WorkstationFlow flow = new WorkstationFlow("s1", fresh(), null,
                    f.steps(new StoredStates(store, "s1")), f.sent::add)) {
                List<String> problems = new CopyOnWriteArrayList<>();
                flow.addListener(new FlowListener() {
                    @Override
                    public void problem(org.tixun.core.i18n.Message message) {
                        problems.add(message.bilingual());
                    }
                });
                flow.resume();
                // The flow waits, then says who did not sign: wait for both.
                org.tixun.core.Eventually.await("the signing to wait and say why", WAIT,
                        () -> flow.localSigningWaiting() && !problems.isEmpty(), () -> problems);
                assertThat(flow.phase()).isEqualTo(Phase.LOCAL_SIGNING);
                assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                        .isEqualTo("张伟 未签名；点「继续工作站签名」再签 (did not sign; press Continue workstation signing to sign)"));
                flow.retryLocalSigning();
                assertThat(flow.awaitEnd(WAIT)).isTrue();
                assertThat(flow.phase()).isEqualTo(Phase.SEALED);
                assertThatThrownBy(flow::retryLocalSigning).isInstanceOf(FlowStateException.class)
                        .hasMessageContaining("no workstation signing is waiting (phase SEALED)");
            }
        }
    }

    @Test
    void aSessionSavedInSigningByTheEarlierFlowResumesAndSeals() throws Exception {
        WorkstationState saved = WorkstationTransitionsTest.legacy("signing");
        Fakes f = new Fakes(saved);
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"))) {
            store.saveFlow(new SessionStore.FlowState("restart-1", "WORKSTATION", "rec-1", "SIGNING",
                    new String(getClass().getResourceAsStream("legacy/workstation-signing.json").readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)));
            try (WorkstationFlow flow = new WorkstationFlow("restart-1", fresh(), null,
                    f.steps(new StoredStates(store, "restart-1")), f.sent::add)) {
                assertThat(flow.phase()).isEqualTo(Phase.SIGNING);
                assertThat(flow.state()).isEqualTo(saved);
                flow.resume();
                assertThat(f.sent(SigningRequest.class)).as("the request was sent before the restart").isEmpty();
                f.terminalSigned();
                flow.onMessage(f.done());
                assertThat(flow.awaitEnd(WAIT)).isTrue();
                WorkstationState st = flow.state();
                assertThat(st.phase()).isEqualTo(Phase.SEALED);
                assertThat(st.frozenSha()).isEqualTo(saved.frozenSha());
                assertThat(st.stepMillis().get("freeze-and-send")).isEqualTo(saved.stepMillis().get("freeze-and-send"));
                assertThat(f.localCaptures).hasSize(saved.localSlots().size());
            }
        }
    }

    @Test
    void aSessionSavedInLocalSigningByTheEarlierFlowResumesAndSeals() throws Exception {
        WorkstationState saved = WorkstationTransitionsTest.legacy("local");
        Fakes f = new Fakes(saved);
        f.terminalSigned();
        f.journal.put(saved.localSlots().get(0).slotId(), List.of()); // signed before the restart
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"))) {
            store.saveFlow(new SessionStore.FlowState("local-closed", "WORKSTATION", "rec-1", "LOCAL_SIGNING",
                    new String(getClass().getResourceAsStream("legacy/workstation-local.json").readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)));
            try (WorkstationFlow flow = new WorkstationFlow("local-closed", fresh(), null,
                    f.steps(new StoredStates(store, "local-closed")), f.sent::add)) {
                assertThat(flow.phase()).isEqualTo(Phase.LOCAL_SIGNING);
                flow.resume();
                assertThat(flow.awaitEnd(WAIT)).isTrue();
                assertThat(flow.phase()).isEqualTo(Phase.SEALED);
                assertThat(f.localCaptures.keySet()).as("only the slots not signed before")
                        .hasSize(saved.localSlots().size() - 1)
                        .doesNotContain(saved.localSlots().get(0).slotId());
            }
        }
    }

    @Test
    void aStateThatCannotBeSavedIsNotActedOn() throws Exception {
        Fakes f = new Fakes(WorkstationTransitionsTest.legacy("local"));
        try (SessionStore store = SessionStore.open(dir.resolve("session.db"))) {
            Killable states = new Killable(new StoredStates(store, "s1"), 2); // the fresh state saves, the freeze not
            try (WorkstationFlow flow = new WorkstationFlow("s1", fresh(), null, f.steps(states), f.sent::add)) {
                assertThatThrownBy(() -> flow.freezeAndSend(data())).isInstanceOf(IOException.class)
                        .hasMessageContaining("killed");
                assertThat(flow.phase()).as("in memory as on disk").isEqualTo(Phase.LIVE);
                assertThat(f.sent).as("nothing sent for a freeze that is not saved").isEmpty();
            }
            assertThat(store.flow("s1").orElseThrow().phase()).isEqualTo("LIVE");
        }
    }

    /**
     * The process is killed at the first saved transition, then (a new run) at the second, and so on: each time it
     * starts again over the same store and journal, resumes and drives the session to the seal. No slot is signed
     * twice, none is lost, and the record is sealed.
     */
    @Test
    void killedAtEachTransitionTheSessionResumesAndSealsWithEverySlotSignedOnce() throws Exception {
        WorkstationState plan = WorkstationTransitionsTest.legacy("local");
        int runs = 0;
        for (int dieAt = 1; ; dieAt++) {
            Fakes f = new Fakes(plan);
            Path db = dir.resolve("kill-" + dieAt + ".db");
            boolean killed;
            try (SessionStore store = SessionStore.open(db)) {
                Killable states = new Killable(new StoredStates(store, "s1"), dieAt);
                drive(f, states, false);
                killed = states.killed;
            }
            if (!killed) {
                break; // the session went through without reaching the dieAt-th save: every save was tried
            }
            runs++;
            try (SessionStore store = SessionStore.open(db)) {
                WorkstationState st = drive(f, new StoredStates(store, "s1"), true);
                assertThat(st.phase()).as("killed at save " + dieAt + ": " + st.rejected()).isEqualTo(Phase.SEALED);
                assertThat(st.sealedSha()).isEqualTo("5ea1");
                assertThat(StoredStates.read(store.flow("s1").orElseThrow().stateJson()).phase())
                        .isEqualTo(Phase.SEALED);
            }
            assertThat(f.localCaptures.keySet()).as("killed at save " + dieAt + ": every local slot signed")
                    .containsExactlyInAnyOrderElementsOf(plan.localSlots().stream().map(PlannedSlot::slotId)
                            .toList());
            assertThat(f.localCaptures.values()).as("killed at save " + dieAt + ": no slot signed twice")
                    .allSatisfy(n -> assertThat(n.get()).isOne());
            assertThat(f.sent(SigningRequest.class)).as("killed at save " + dieAt).isNotEmpty();
        }
        // fresh, Frozen, RequestSent, StepTimed, ReadingConfirmed, TerminalDone, LocalSigningBegan, StepTimed, Sealed
        assertThat(runs).isEqualTo(9);
    }

    /** One run of the workstation program: opens the flow, resumes, and does what the session still needs. */
    private static WorkstationState drive(Fakes f, WorkstationSteps.States states, boolean mustEnd)
            throws Exception {
        WorkstationFlow flow;
        try {
            flow = new WorkstationFlow("s1", fresh(), null, f.steps(states), f.sent::add);
        } catch (IOException killed) {
            return null;
        }
        try {
            flow.resume();
            if (flow.phase() == Phase.LIVE) {
                flow.freezeAndSend(data());
            }
            if (flow.phase() == Phase.SIGNING) {
                if (flow.state().readingPath() == null) {
                    flow.onMessage(f.read());
                }
                f.terminalSigned();
                flow.onMessage(f.done()); // the link delivers it again until acknowledged
            }
            assertThat(flow.awaitEnd(WAIT)).as("the run ended").isTrue();
        } catch (IOException killed) {
            if (mustEnd) {
                throw killed;
            }
        } finally {
            flow.close();
        }
        return flow.state();
    }
}
