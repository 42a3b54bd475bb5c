// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tixun.core.devices.config.ConfiguredTsa;
import org.tixun.core.evidence.DocumentKind;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.templates.DocumentData;

/**
 * The seal step: one journaled event per planned slot, the recording finished and its manifest taken in, the
 * record's times checked against the recording again (rule 2), sealed and verified ({@link SealAndVerify}), the
 * session report written beside it and the record filed. A record that fails verification is not filed.
 */
final class SealAndFile implements WorkstationSteps.Sealing {
    private static final ObjectMapper JSON = EvidenceJson.mapper();

    private final String sessionId;
    private final Path workDir;
    private final WorkstationSteps.Events events;
    private final SessionRecording recording;
    private final WorkstationSetup.Seal seal;
    private final boolean demo;

    SealAndFile(String sessionId, Path workDir, WorkstationSteps.Events events, SessionRecording recording,
            WorkstationSetup.Seal seal, boolean demo) {
        this.sessionId = sessionId;
        this.workDir = workDir;
        this.events = events;
        this.recording = recording;
        this.seal = seal;
        this.demo = demo;
    }

    @Override
    public WorkstationEvent.Sealed seal(WorkstationState state, Consumer<String> step) throws Exception {
        byte[] frozen = Files.readAllBytes(workDir.resolve(FrozenRecord.FROZEN_PDF));
        List<SignatureEvent> sealedEvents = SealAndVerify.onePerSlot(state.plannedSlots(),
                events.ofRevision(state.recordId(), state.frozenSha()));
        var present = EnumSet.noneOf(SignerRole.class);
        state.presentRoles().forEach(r -> present.add(SignerRole.valueOf(r)));
        step.accept("RECORDING");
        byte[] manifest = recording.finish("workstation");
        checkTimes(state, manifest);
        if (manifest != null) {
            sealedEvents = SealAndVerify.inSegments(sealedEvents, recording);
        }
        SealRequest request = new SealRequest(state.recordId(), DocumentKind.valueOf(state.kind()), frozen,
                state.slots(), sealedEvents, present, List.of());
        if (manifest != null) {
            request = request.withRecordingManifest(manifest); // the manifest goes into the institution seal revision
        }
        if (demo) {
            // A demo data dir's record: the seal manifest says so and every verification reports it.
            request = request.asDemo();
        }
        step.accept("SIGNING");
        Function<InstitutionKeyStore, ConfiguredTsa> tsa = seal.timeStamps();
        GmKeyStore gm = seal.gm();
        SealAndVerify.Result sealed = new SealAndVerify(seal.keys(), tsa, gm).seal(state.recordId(), request, workDir,
                recording.directory(), () -> step.accept("VERIFYING"));
        writeReport(state, sealed.sha256(), sealed.report().ok());
        if (!sealed.report().ok()) {
            throw new LocalizedIOException(FlowMessages.of("flow.seal.notVerified", sealed.report().toText()));
        }
        step.accept("FILING");
        seal.filing().sealed(state.recordId(), sealed.path(), sealed.sha256());
        return new WorkstationEvent.Sealed(Instant.now(), sealed.sha256(), sealed.path().toString(),
                sealed.sealMillis(), sealed.verifyMillis());
    }

    /**
     * Rule 2 again at sealing, against the recording as it was sealed: the record's start is the recording's start
     * and its end lies within the recording.
     */
    private void checkTimes(WorkstationState state, byte[] manifest) throws IOException {
        DocumentData data = DocumentData.fromJson(workDir.resolve(FrozenRecord.RECORD_DATA));
        Instant start = state.recordingStart();
        Instant end = Instant.now();
        if (manifest != null) {
            RecordingManifest m = RecordingManifest.parse(manifest);
            start = m.start() != null ? m.start() : start;
            end = m.end() != null ? m.end() : end;
        }
        List<String> problems = RecordHeader.checkTimes(data, start, end);
        if (!problems.isEmpty()) {
            throw new LocalizedIOException(FlowMessages.of("flow.seal.timesDisagree",
                    Message.joined("\n", problems.stream().map(Message::untranslated).toList())));
        }
    }

    /** Beside the sealed PDF: the reading path (rule 4) and the session's facts, for the clerk. */
    private void writeReport(WorkstationState state, String sealedSha, boolean ok) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordId", state.recordId());
        r.put("sessionId", sessionId);
        r.put("frozenContentSha256", state.frozenSha());
        r.put("sealedSha256", sealedSha);
        r.put("verified", ok);
        r.put("readingPath", state.readingPath());
        r.put("readingConfirmedAt", String.valueOf(state.readingAt()));
        r.put("recordingId", state.recordingId());
        r.put("recordingStart", String.valueOf(state.recordingStart()));
        r.put("terminalEvents", state.terminalSlots().size());
        r.put("workstationEvents", state.localSlots().size());
        r.put("stepMillis", state.stepMillis());
        InstitutionKeyStore.writeAtomically(workDir.resolve("session-report.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
    }
}
