// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Instant;
import java.util.List;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * What happens to a workstation session, as {@link WorkstationTransitions#apply} takes it: each event names what
 * changed, the transitions say in which phases it may happen and what state follows.
 */
public sealed interface WorkstationEvent {

    /** The record was frozen: its PDF's hash, when (the record's end time), its review method and the slot plan. */
    record Frozen(String frozenSha, Instant frozenAt, String reviewMethod, List<SignatureSlot> slots,
            List<PlannedSlot> terminalSlots, List<PlannedSlot> localSlots, List<String> presentRoles)
            implements WorkstationEvent {
    }

    /** The signing plan and request of the frozen revision were handed to the link (which delivers them). */
    record RequestSent() implements WorkstationEvent {
    }

    /**
     * The suspect confirmed how the record was reviewed; {@code mismatch} says why it differs from the review method
     * written in the record (null when it agrees).
     */
    record ReadingConfirmed(String path, Instant at, String mismatch) implements WorkstationEvent {
    }

    /** A signature event or a check was refused (kept as a line of {@link WorkstationState#rejected()}). */
    record Refused(String line) implements WorkstationEvent {
    }

    /** The terminal said its signers are done, with how many events it sent. */
    record TerminalDone(int eventCount, Instant at) implements WorkstationEvent {
    }

    /** Every terminal-side slot has its event and the review was confirmed: the workstation's signers sign next. */
    record LocalSigningBegan(double terminalSigningMillis) implements WorkstationEvent {
    }

    /** A step took {@code millis} ms (kept in {@link WorkstationState#stepMillis()}). */
    record StepTimed(String step, double millis) implements WorkstationEvent {
    }

    /** The record was sealed, verified and filed. */
    record Sealed(Instant at, String sealedSha, String sealedPath, double sealMillis, double verifyMillis)
            implements WorkstationEvent {
    }

    /** The session cannot go on (a signing or sealing step failed, the review method disagrees); why, for the log. */
    record Failed(String why) implements WorkstationEvent {
    }

    /** The text was changed after freezing (rule 7): the signatures so far are void, back to live editing. */
    record Amended(String reason) implements WorkstationEvent {
    }
}
