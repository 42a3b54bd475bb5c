// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tixun.core.session.flow.WorkstationEvent.Amended;
import org.tixun.core.session.flow.WorkstationEvent.Failed;
import org.tixun.core.session.flow.WorkstationEvent.Frozen;
import org.tixun.core.session.flow.WorkstationEvent.LocalSigningBegan;
import org.tixun.core.session.flow.WorkstationEvent.ReadingConfirmed;
import org.tixun.core.session.flow.WorkstationEvent.Refused;
import org.tixun.core.session.flow.WorkstationEvent.RequestSent;
import org.tixun.core.session.flow.WorkstationEvent.Sealed;
import org.tixun.core.session.flow.WorkstationEvent.StepTimed;
import org.tixun.core.session.flow.WorkstationEvent.TerminalDone;
import org.tixun.core.session.flow.WorkstationFlow.Phase;

/**
 * The workstation flow's state machine on its own: each event in each phase, what the next state holds, and the
 * error an event in the wrong phase gives. The slot plan comes from a state saved by the earlier, mutable flow.
 */
class WorkstationTransitionsTest {
    static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    /** A state saved by the flow before it became a state machine (see the test resources' legacy folder). */
    static WorkstationState legacy(String name) throws IOException {
        try (InputStream in = WorkstationTransitionsTest.class.getResourceAsStream("legacy/workstation-" + name
                + ".json")) {
            assertThat(in).as("legacy state " + name).isNotNull();
            return StoredStates.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The freeze of the legacy session's plan, as a fresh state would take it. */
    static Frozen frozenLike(WorkstationState saved, Instant at) {
        return new Frozen(saved.frozenSha(), at, saved.frozenReviewMethod(), saved.slots(), saved.terminalSlots(),
                saved.localSlots(), saved.presentRoles());
    }

    private static WorkstationState live() {
        return WorkstationState.start("rec-1", "INTERROGATION_RECORD", "session-s1", T0);
    }

    /** One example of each kind of event. */
    private static List<WorkstationEvent> everyKind(WorkstationState saved) {
        return List.of(frozenLike(saved, T0.plusSeconds(60)), new RequestSent(),
                new ReadingConfirmed("READ", T0.plusSeconds(70), null), new Refused("e9: not ours"),
                new TerminalDone(5, T0.plusSeconds(90)), new LocalSigningBegan(30_000),
                new StepTimed("freeze-and-send", 12.5), new Sealed(T0.plusSeconds(120), "ab12", "/s/sealed.pdf", 3, 4),
                new Failed("pad gone"), new Amended("a typo"));
    }

    private static WorkstationState inPhase(WorkstationState saved, Phase phase) {
        WorkstationState s = WorkstationTransitions.apply(live(), frozenLike(saved, T0.plusSeconds(60)));
        return switch (phase) {
            case LIVE -> live();
            case SIGNING -> s;
            case LOCAL_SIGNING -> WorkstationTransitions.apply(s, new LocalSigningBegan(1));
            case SEALED -> WorkstationTransitions.apply(WorkstationTransitions.apply(s, new LocalSigningBegan(1)),
                    new Sealed(T0, "ab12", "/s/sealed.pdf", 1, 1));
            case FAILED -> WorkstationTransitions.apply(s, new Failed("x"));
        };
    }

    @Test
    void aSessionGoesFromLiveToSealedAndEachStepIsKept() throws IOException {
        WorkstationState saved = legacy("local");
        WorkstationState s = live();
        assertThat(s.phase()).isEqualTo(Phase.LIVE);
        assertThat(s.frozenSha()).isNull();

        s = WorkstationTransitions.apply(s, frozenLike(saved, T0.plusSeconds(60)));
        assertThat(s.phase()).isEqualTo(Phase.SIGNING);
        assertThat(s.frozenSha()).isEqualTo(saved.frozenSha());
        assertThat(s.terminalSlots()).isEqualTo(saved.terminalSlots());
        assertThat(s.localSlots()).isEqualTo(saved.localSlots());
        assertThat(s.requestSent()).isFalse();

        s = WorkstationTransitions.apply(s, new RequestSent());
        assertThat(s.requestSent()).isTrue();
        s = WorkstationTransitions.apply(s, new StepTimed("freeze-and-send", 12.5));
        s = WorkstationTransitions.apply(s, new ReadingConfirmed("READ", T0.plusSeconds(70), null));
        assertThat(s.readingPath()).isEqualTo("READ");
        assertThat(s.rejected()).isEmpty();
        s = WorkstationTransitions.apply(s, new TerminalDone(5, T0.plusSeconds(90)));
        assertThat(s.terminalDoneCount()).isEqualTo(5);
        assertThat(s.phase()).as("done is noted; the flow decides when to move on").isEqualTo(Phase.SIGNING);

        s = WorkstationTransitions.apply(s, new LocalSigningBegan(30_000));
        assertThat(s.phase()).isEqualTo(Phase.LOCAL_SIGNING);
        s = WorkstationTransitions.apply(s, new StepTimed("workstation-signing", 800));
        WorkstationState before = s;
        s = WorkstationTransitions.apply(s, new Sealed(T0.plusSeconds(120), "ab12", "/s/sealed.pdf", 3, 4));
        assertThat(s.phase()).isEqualTo(Phase.SEALED);
        assertThat(s.ended()).isTrue();
        assertThat(s.sealedSha()).isEqualTo("ab12");
        assertThat(s.sealedPath()).isEqualTo("/s/sealed.pdf");
        assertThat(s.verified()).isTrue();
        assertThat(s.stepMillis()).containsExactly(java.util.Map.entry("freeze-and-send", 12.5),
                java.util.Map.entry("terminal-signing", 30_000.0), java.util.Map.entry("workstation-signing", 800.0),
                java.util.Map.entry("seal", 3.0), java.util.Map.entry("verify", 4.0));
        assertThat(before.phase()).as("the state before is unchanged").isEqualTo(Phase.LOCAL_SIGNING);
        assertThat(before.sealedSha()).isNull();
    }

    @Test
    void amendingVoidsTheFrozenRevisionAndGoesBackToLive() throws IOException {
        WorkstationState s = inPhase(legacy("local"), Phase.SIGNING);
        s = WorkstationTransitions.apply(s, new ReadingConfirmed("READ_ALOUD", T0, "the review method differs"));
        assertThat(s.rejected()).containsExactly("reading: the review method differs");
        s = WorkstationTransitions.apply(s, new TerminalDone(5, T0));
        s = WorkstationTransitions.apply(s, new Failed("review method mismatch"));
        assertThat(s.phase()).isEqualTo(Phase.FAILED);

        WorkstationState amended = WorkstationTransitions.apply(s, new Amended("fix the review method"));
        assertThat(amended.phase()).isEqualTo(Phase.LIVE);
        assertThat(amended.textRevision()).isEqualTo(s.textRevision() + 1);
        assertThat(amended.frozenSha()).isNull();
        assertThat(amended.readingPath()).isNull();
        assertThat(amended.terminalDoneCount()).isNull();
        assertThat(amended.rejected()).isEmpty();
        // Frozen again: a new revision, nothing of the old one's review or done.
        WorkstationState again = WorkstationTransitions.apply(amended, frozenLike(legacy("signing"), T0));
        assertThat(again.phase()).isEqualTo(Phase.SIGNING);
        assertThat(again.requestSent()).isFalse();
        assertThat(again.readingPath()).isNull();
    }

    @Test
    void everyEventInEveryPhaseIsTakenOrRefusedAsTheTableSays() throws IOException {
        WorkstationState saved = legacy("local");
        for (Phase phase : Phase.values()) {
            WorkstationState s = inPhase(saved, phase);
            for (WorkstationEvent e : everyKind(saved)) {
                Set<Phase> allowed = WorkstationTransitions.allowedIn(e.getClass());
                boolean sealedBefore = s.sealedSha() != null;
                if (allowed.contains(phase) && !(e instanceof Amended && sealedBefore)) {
                    assertThat(WorkstationTransitions.apply(s, e)).as(e + " in " + phase).isNotNull();
                } else {
                    IllegalTransitionException x = catchThrowableOfType(() -> WorkstationTransitions.apply(s, e),
                            IllegalTransitionException.class);
                    assertThat(x).as(e + " in " + phase + " must be refused").isNotNull();
                    assertThat(x.phase()).isEqualTo(phase);
                    assertThat(x.event()).isEqualTo(e.getClass());
                }
            }
        }
        assertThat(WorkstationTransitions.allowedIn(Sealed.class)).isEqualTo(EnumSet.of(Phase.LOCAL_SIGNING));
    }

    @Test
    void anIllegalTransitionNamesThePhaseAndTheEventInBothLanguages() throws IOException {
        WorkstationState sealed = inPhase(legacy("local"), Phase.SEALED);
        IllegalTransitionException x = catchThrowableOfType(() -> WorkstationTransitions.apply(sealed,
                new Amended("too late")), IllegalTransitionException.class);
        assertThat(x.message(Locale.ENGLISH)).isEqualTo(
                "the workstation flow cannot take Amended in phase SEALED (only in SIGNING, FAILED)");
        assertThat(x.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "工作站流程在 SEALED 阶段不能处理 Amended（仅限 SIGNING、FAILED）");
        assertThat(x.getMessage()).isEqualTo(x.message().bilingual());
        assertThatThrownBy(() -> WorkstationTransitions.apply(live(), new Sealed(T0, "x", "y", 1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Sealed in phase LIVE");
    }

    @Test
    void theStateCannotBeChangedFromOutside() throws IOException {
        WorkstationState s = legacy("sealed");
        assertThatThrownBy(() -> s.rejected().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.terminalSlots().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.stepMillis().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        java.util.List<String> mine = new java.util.ArrayList<>(List.of("a"));
        WorkstationState t = s.withRejected(mine);
        mine.add("b");
        assertThat(t.rejected()).as("a copy of the list given").containsExactly("a");
        assertThat(s.rejected()).as("the state copied from is unchanged").isEmpty();
    }
}
