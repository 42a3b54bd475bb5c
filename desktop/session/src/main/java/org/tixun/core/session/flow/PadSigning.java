// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * The local signing step: each workstation-side signer signs on the workstation's pad, photographed by its camera at
 * the first slot and at each completion; every event is bound to the frozen hash, placed in the session's recording
 * and journaled before the flow hears of it, so a crash in the middle loses no signed slot.
 */
final class PadSigning implements WorkstationSteps.LocalSigning {
    private final SignatureSource pad;
    private final PhotoSource camera;
    private final SessionRecording recording;
    private final SignatureEventJournal journal;

    PadSigning(SignatureSource pad, PhotoSource camera, SessionRecording recording, SignatureEventJournal journal) {
        this.pad = pad;
        this.camera = camera;
        this.recording = recording;
        this.journal = journal;
    }

    @Override
    public void signOpen(WorkstationState state, Set<String> signed, BiConsumer<PlannedSlot, SignatureEvent> each)
            throws Exception {
        int seed = 100;
        Set<String> photographed = new HashSet<>();
        for (PlannedSlot s : state.localSlots()) {
            seed++;
            if (signed.contains(s.slotId())) {
                continue;
            }
            Capture c = pad.capture(s, seed);
            boolean first = photographed.add(SlotPlanner.signerKey(s));
            SignatureEvent e = new SignatureEvent("ws-" + state.frozenSha().substring(0, 8) + "-"
                    + state.localSlots().indexOf(s), s.signer(), s.slotId(), c.samples(), c.inkPng(),
                    first ? camera.snapshot() : null, camera.snapshot(), c.fingerprintPng(),
                    new EventTimes(c.hostStart(), c.hostEnd(), c.monotonicStartNanos(), c.monotonicEndNanos(),
                            c.padStartMicros(), c.padEndMicros(), null), c.device(), state.frozenSha(),
                    recording.span(c.hostStart(), c.hostEnd(),
                            new RecordingSpan(state.recordingId(), null, c.hostStart(), c.hostEnd())));
            journal.append(state.recordId(), e);
            each.accept(s, e);
        }
    }
}
