// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.EnumSet;
import java.util.Set;
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
 * The workstation flow's state machine, the one place where an event turns a state into the next: a pure function
 * with no I/O. The phases and what moves between them:
 *
 * <pre>
 * LIVE ──Frozen──▶ SIGNING ──LocalSigningBegan──▶ LOCAL_SIGNING ──Sealed──▶ SEALED
 *  ▲                 │  ▲ RequestSent, ReadingConfirmed,   │
 *  │                 │  └ TerminalDone, Refused, StepTimed  │ StepTimed
 *  └────Amended──────┤                                      │
 *  └────Amended── FAILED ◀──────────Failed─────────────────┘ (also from SIGNING)
 * </pre>
 *
 * An event in a phase that does not take it throws {@link IllegalTransitionException} naming both.
 */
public final class WorkstationTransitions {
    private WorkstationTransitions() {
    }

    /** The phases in which an event of kind {@code kind} may happen. */
    public static Set<Phase> allowedIn(Class<? extends WorkstationEvent> kind) {
        if (kind == Frozen.class) {
            return EnumSet.of(Phase.LIVE);
        } else if (kind == RequestSent.class || kind == ReadingConfirmed.class || kind == TerminalDone.class
                || kind == LocalSigningBegan.class) {
            return EnumSet.of(Phase.SIGNING);
        } else if (kind == Refused.class) {
            // Kept whatever the phase until the record is sealed: an event of a voided revision that arrives while
            // the amended text is live is refused and noted too.
            return EnumSet.of(Phase.LIVE, Phase.SIGNING, Phase.LOCAL_SIGNING, Phase.FAILED);
        } else if (kind == StepTimed.class) {
            return EnumSet.of(Phase.SIGNING, Phase.LOCAL_SIGNING);
        } else if (kind == Sealed.class) {
            return EnumSet.of(Phase.LOCAL_SIGNING);
        } else if (kind == Failed.class) {
            return EnumSet.of(Phase.SIGNING, Phase.LOCAL_SIGNING);
        } else if (kind == Amended.class) {
            return EnumSet.of(Phase.SIGNING, Phase.FAILED);
        }
        throw new IllegalArgumentException("unknown workstation event " + kind);
    }

    /**
     * Whether {@code state} takes an event of kind {@code kind} (a record once sealed is never amended, whatever
     * happened after).
     */
    public static boolean accepts(WorkstationState state, Class<? extends WorkstationEvent> kind) {
        return allowedIn(kind).contains(state.phase()) && !(kind == Amended.class && state.sealedSha() != null);
    }

    /**
     * Checks that {@code state} takes an event of kind {@code kind}, before the step that makes the event runs.
     *
     * @throws IllegalTransitionException if it does not
     */
    public static void require(WorkstationState state, Class<? extends WorkstationEvent> kind) {
        if (!accepts(state, kind)) {
            throw new IllegalTransitionException(state.phase(), kind, allowedIn(kind));
        }
    }

    /**
     * The state after {@code event}.
     *
     * @throws IllegalTransitionException if {@code state}'s phase does not take {@code event}
     */
    public static WorkstationState apply(WorkstationState state, WorkstationEvent event) {
        require(state, event.getClass());
        if (event instanceof Frozen f) {
            return state.withFrozen(f.frozenSha(), f.frozenAt(), f.reviewMethod(), f.slots(), f.terminalSlots(),
                    f.localSlots(), f.presentRoles()).withPhase(Phase.SIGNING);
        } else if (event instanceof RequestSent) {
            return state.withRequestSent(true);
        } else if (event instanceof ReadingConfirmed r) {
            WorkstationState read = state.withReading(r.path(), r.at());
            return r.mismatch() == null ? read : read.withRejection("reading: " + r.mismatch());
        } else if (event instanceof TerminalDone t) {
            return state.withTerminalDone(t.eventCount(), t.at());
        } else if (event instanceof LocalSigningBegan l) {
            return state.withStep("terminal-signing", l.terminalSigningMillis()).withPhase(Phase.LOCAL_SIGNING);
        } else if (event instanceof Refused r) {
            return state.withRejection(r.line());
        } else if (event instanceof StepTimed s) {
            return state.withStep(s.step(), s.millis());
        } else if (event instanceof Sealed s) {
            return state.withStep("seal", s.sealMillis()).withStep("verify", s.verifyMillis())
                    .withSealed(s.at(), s.sealedSha(), s.sealedPath()).withPhase(Phase.SEALED);
        } else if (event instanceof Failed) {
            return state.withPhase(Phase.FAILED);
        } else {
            return state.withAmended(); // Amended, the last kind
        }
    }
}
