// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Duration;
import java.time.Instant;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * Whether a signature event from the terminal belongs to the record frozen at the workstation: the same record,
 * bound to the frozen content's hash, for a planned terminal-side slot and its signer, inside this session's
 * recording (rule 12). A part of the workstation flow with no state of its own.
 */
final class EventAdmission {
    /** How far the two machines' clocks may differ. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private EventAdmission() {
    }

    /**
     * Why {@code m} does not belong to the frozen record, or null when it does.
     *
     * @param slot the planned terminal-side slot the event names, or null when there is none
     */
    static String refusal(SignatureEventMessage m, PlannedSlot slot, String recordId, String frozenSha,
            String recordingId, Instant recordingStart, Instant now) {
        SignatureEvent e = m.event();
        if (!m.recordId().equals(recordId)) {
            return "属于另一份笔录 (belongs to record " + m.recordId() + ")";
        }
        if (frozenSha == null || !frozenSha.equals(e.frozenContentSha256())) {
            return "未绑定当前冻结内容的摘要 (not bound to the frozen content hash)";
        }
        if (slot == null) {
            return "签名位置不在终端签署计划中 (slot " + e.slotId() + " is not a terminal-side slot)";
        }
        if (!slot.signer().equals(e.signer())) {
            return "签名人与计划不符 (signer differs from the plan)";
        }
        RecordingSpan span = e.recording();
        if (span == null || !recordingId.equals(span.segment()) || span.start() == null || span.end() == null) {
            return "未引用本次录像的时间段 (does not reference this session's recording span, rule 12)";
        }
        if (span.start().isBefore(recordingStart.minus(CLOCK_SKEW)) || span.end().isBefore(span.start())
                || span.end().isAfter(now.plus(CLOCK_SKEW))) {
            return "录像时间段不在本次录像之内 (recording span outside this session's recording)";
        }
        return null;
    }
}
