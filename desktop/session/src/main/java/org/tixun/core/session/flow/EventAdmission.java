// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Duration;
import java.time.Instant;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * Whether a signature event from the terminal belongs to the record frozen at the workstation: the same record,
 * bound to the frozen content's hash, for a planned terminal-side slot and its signer, inside this session's
 * recording (rule 12). The workstation flow's event check, with no state of its own.
 */
final class EventAdmission implements WorkstationSteps.Admission {
    /** How far the two machines' clocks may differ. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Override
    public Message refusal(SignatureEventMessage m, PlannedSlot slot, WorkstationState state, Instant now) {
        SignatureEvent e = m.event();
        if (!m.recordId().equals(state.recordId())) {
            return FlowMessages.of("flow.event.otherRecord", m.recordId());
        }
        String frozenSha = state.frozenSha();
        if (frozenSha == null || !frozenSha.equals(e.frozenContentSha256())) {
            return FlowMessages.of("flow.event.notFrozenHash");
        }
        if (slot == null) {
            return FlowMessages.of("flow.event.notTerminalSlot", e.slotId());
        }
        if (!slot.signer().equals(e.signer())) {
            return FlowMessages.of("flow.event.otherSigner");
        }
        RecordingSpan span = e.recording();
        if (span == null || !state.recordingId().equals(span.segment()) || span.start() == null
                || span.end() == null) {
            return FlowMessages.of("flow.event.noRecordingSpan");
        }
        if (span.start().isBefore(state.recordingStart().minus(CLOCK_SKEW)) || span.end().isBefore(span.start())
                || span.end().isAfter(now.plus(CLOCK_SKEW))) {
            return FlowMessages.of("flow.event.spanOutside");
        }
        return null;
    }
}
