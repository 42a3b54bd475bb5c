// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.WorkstationFlow.Phase;

/**
 * Where the workstation's half of a remote session stands, as an immutable value: {@link WorkstationTransitions}
 * makes the next one from this one and an event, the flow saves it (JSON in {@code session_flow}, the same fields and
 * names the mutable state of earlier versions wrote, so a session saved by them resumes) before it acts on it.
 *
 * @param recordId the record (its id in the record store)
 * @param kind the template kind, e.g. {@code INTERROGATION_RECORD}
 * @param phase the phase
 * @param textRevision how often the record was amended after freezing
 * @param frozenSha SHA-256 of the frozen PDF (null while live)
 * @param frozenAt when the record was frozen (its end time, rule 2)
 * @param recordingId the recording's id the signature events reference (rule 12)
 * @param recordingStart when the session's recording began (the record's start time, rule 2)
 * @param terminalSlots the slots signed at the terminal
 * @param localSlots the slots signed at the workstation
 * @param slots every slot of the frozen record
 * @param presentRoles the roles present (names of {@code SignerRole})
 * @param requestSent whether the signing request of this frozen revision was handed to the link
 * @param readingPath how the suspect reviewed the record ({@code ReadingConfirmation.Path} name), or null
 * @param readingAt when the review was confirmed
 * @param frozenReviewMethod the review method written into the frozen text (template field {@code reviewMethod})
 * @param terminalDoneCount how many events the terminal says it sent, once it says it is done
 * @param terminalDoneAt when the terminal said it was done
 * @param rejected refused events and checks, one line each ({@code <eventId>: why} or {@code reading: why})
 * @param sealedAt when the record was sealed
 * @param sealedSha SHA-256 of the sealed PDF
 * @param sealedPath where the sealed PDF was written
 * @param verified whether the sealed PDF passed verification
 * @param stepMillis how long each step took (ms), by step name
 */
public record WorkstationState(String recordId, String kind, Phase phase, int textRevision, String frozenSha,
        Instant frozenAt, String recordingId, Instant recordingStart, List<PlannedSlot> terminalSlots,
        List<PlannedSlot> localSlots, List<SignatureSlot> slots, List<String> presentRoles, boolean requestSent,
        String readingPath, Instant readingAt, String frozenReviewMethod, Integer terminalDoneCount,
        Instant terminalDoneAt, List<String> rejected, Instant sealedAt, String sealedSha, String sealedPath,
        boolean verified, Map<String, Double> stepMillis) {

    /** Lists and the step times are copied and read-only; a missing phase is LIVE, missing lists are empty. */
    public WorkstationState {
        phase = phase == null ? Phase.LIVE : phase;
        terminalSlots = copy(terminalSlots);
        localSlots = copy(localSlots);
        slots = copy(slots);
        presentRoles = copy(presentRoles);
        rejected = copy(rejected);
        stepMillis = Collections.unmodifiableMap(stepMillis == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(stepMillis));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A new session of record {@code recordId}: live, nothing frozen, its recording {@code recordingId} began then. */
    public static WorkstationState start(String recordId, String kind, String recordingId, Instant recordingStart) {
        return new WorkstationState(Objects.requireNonNull(recordId, "recordId"), Objects.requireNonNull(kind, "kind"),
                Phase.LIVE, 0, null, null, recordingId, Objects.requireNonNull(recordingStart, "recordingStart"), null,
                null, null, null, false, null, null, null, null, null, null, null, null, null, false, null);
    }

    /** Whether the session is over (sealed or failed). */
    public boolean ended() {
        return phase == Phase.SEALED || phase == Phase.FAILED;
    }

    /** The planned terminal-side slot {@code slotId}, or null. */
    public PlannedSlot terminalSlot(String slotId) {
        return terminalSlots.stream().filter(s -> s.slotId().equals(slotId)).findFirst().orElse(null);
    }

    /** Every planned slot: the terminal's, then the workstation's. */
    public List<PlannedSlot> plannedSlots() {
        List<PlannedSlot> all = new ArrayList<>(terminalSlots);
        all.addAll(localSlots);
        return all;
    }

    WorkstationState withPhase(Phase p) {
        return new WorkstationState(recordId, kind, p, textRevision, frozenSha, frozenAt, recordingId, recordingStart,
                terminalSlots, localSlots, slots, presentRoles, requestSent, readingPath, readingAt, frozenReviewMethod,
                terminalDoneCount, terminalDoneAt, rejected, sealedAt, sealedSha, sealedPath, verified, stepMillis);
    }

    WorkstationState withFrozen(String sha, Instant at, String reviewMethod, List<SignatureSlot> allSlots,
            List<PlannedSlot> terminal, List<PlannedSlot> local, List<String> present) {
        return new WorkstationState(recordId, kind, phase, textRevision, sha, at, recordingId, recordingStart,
                terminal, local, allSlots, present, false, readingPath, readingAt, reviewMethod, terminalDoneCount,
                terminalDoneAt, rejected, sealedAt, sealedSha, sealedPath, verified, stepMillis);
    }

    WorkstationState withRequestSent(boolean sent) {
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, sent, readingPath, readingAt,
                frozenReviewMethod, terminalDoneCount, terminalDoneAt, rejected, sealedAt, sealedSha, sealedPath,
                verified, stepMillis);
    }

    WorkstationState withReading(String path, Instant at) {
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, path, at,
                frozenReviewMethod, terminalDoneCount, terminalDoneAt, rejected, sealedAt, sealedSha, sealedPath,
                verified, stepMillis);
    }

    WorkstationState withTerminalDone(Integer count, Instant at) {
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, readingPath, readingAt,
                frozenReviewMethod, count, at, rejected, sealedAt, sealedSha, sealedPath, verified, stepMillis);
    }

    WorkstationState withRejected(List<String> lines) {
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, readingPath, readingAt,
                frozenReviewMethod, terminalDoneCount, terminalDoneAt, lines, sealedAt, sealedSha, sealedPath,
                verified, stepMillis);
    }

    WorkstationState withRejection(String line) {
        List<String> more = new ArrayList<>(rejected);
        more.add(line);
        return withRejected(more);
    }

    WorkstationState withStep(String step, double millis) {
        Map<String, Double> more = new LinkedHashMap<>(stepMillis);
        more.put(step, millis);
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, readingPath, readingAt,
                frozenReviewMethod, terminalDoneCount, terminalDoneAt, rejected, sealedAt, sealedSha, sealedPath,
                verified, more);
    }

    WorkstationState withSealed(Instant at, String sha, String path) {
        return new WorkstationState(recordId, kind, phase, textRevision, frozenSha, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, readingPath, readingAt,
                frozenReviewMethod, terminalDoneCount, terminalDoneAt, rejected, at, sha, path, true, stepMillis);
    }

    /** Back to live editing with the next text revision: the frozen hash, the review and the terminal's done void. */
    WorkstationState withAmended() {
        return new WorkstationState(recordId, kind, Phase.LIVE, textRevision + 1, null, frozenAt, recordingId,
                recordingStart, terminalSlots, localSlots, slots, presentRoles, requestSent, null, readingAt,
                frozenReviewMethod, null, terminalDoneAt, List.of(), sealedAt, sealedSha, sealedPath, verified,
                stepMillis);
    }
}
