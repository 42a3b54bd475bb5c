// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.config.ConfiguredTsa;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * The workstation flow's last step as one part: the events the seal takes (exactly one per planned slot, each placed
 * in the recording segment that holds it), the seal with the configured time-stamp authority and GM track, and the
 * verification of what was sealed against the institution root and that authority's anchor.
 */
final class SealAndVerify {
    private static final Logger LOG = LoggerFactory.getLogger(SealAndVerify.class);
    private final InstitutionKeyStore keys;
    private final Function<InstitutionKeyStore, ConfiguredTsa> timeStamps;
    private final GmKeyStore gm;

    /** What sealing made: the document where it was written, its hash, the report and the time each half took. */
    record Result(byte[] sealedPdf, Path path, String sha256, VerificationReport report, double sealMillis,
            double verifyMillis) {
    }

    SealAndVerify(InstitutionKeyStore keys, Function<InstitutionKeyStore, ConfiguredTsa> timeStamps, GmKeyStore gm) {
        this.keys = keys;
        this.timeStamps = timeStamps;
        this.gm = gm;
    }

    /** Exactly one journaled event per slot, in the slots' order; a missing or doubled one stops the seal. */
    static List<SignatureEvent> onePerSlot(List<PlannedSlot> slots, Map<String, List<SignatureEvent>> journaled)
            throws IOException {
        List<SignatureEvent> events = new ArrayList<>();
        for (PlannedSlot s : slots) {
            List<SignatureEvent> forSlot = journaled.get(s.slotId());
            if (forSlot == null) {
                throw new LocalizedIOException(FlowMessages.of("flow.seal.slotWithoutEvent", s.slotId()));
            }
            if (forSlot.size() > 1) {
                throw new LocalizedIOException(FlowMessages.of("flow.seal.slotDuplicate", s.slotId(), forSlot.size()));
            }
            events.add(forSlot.get(0));
        }
        return events;
    }

    /** The terminal knows when each signature happened, not which segment holds it: resolved against the recording. */
    static List<SignatureEvent> inSegments(List<SignatureEvent> events, SessionRecording recording)
            throws IOException {
        List<SignatureEvent> resolved = new ArrayList<>();
        for (SignatureEvent e : events) {
            RecordingSpan span = e.recording();
            RecordingSpan seg = recording.span(span.start(), span.end(), span);
            resolved.add(seg.equals(span) ? e : new SignatureEvent(e.eventId(), e.signer(), e.slotId(),
                    e.samples(), e.inkImagePng(), e.photoAtPenDownJpeg(), e.photoAtCompletionJpeg(),
                    e.fingerprintPng(), e.times(), e.device(), e.frozenContentSha256(), seg));
        }
        return resolved;
    }

    /**
     * Seals {@code request} into {@code workDir/sealed.pdf} and verifies it (with the recording in
     * {@code recordingDir}, if any); {@code verifying} runs between the two (the flow's progress).
     */
    Result seal(String recordId, SealRequest request, Path workDir, Path recordingDir, Runnable verifying)
            throws Exception {
        long t0 = System.nanoTime();
        SealResult sealed;
        List<X509Certificate> anchors = new ArrayList<>(List.of(keys.rootCertificate()));
        try (ConfiguredTsa tsa = timeStamps.apply(keys)) {
            LOG.info("record {} sealed with time-stamps from {}", recordId, tsa.describe());
            sealed = new Sealer(keys, tsa.client(), gm).seal(request);
            if (tsa.client().trustAnchor() != null && !anchors.contains(tsa.client().trustAnchor())) {
                anchors.add(tsa.client().trustAnchor());
            }
        }
        long t1 = System.nanoTime();
        verifying.run();
        Path out = workDir.resolve("sealed.pdf");
        InstitutionKeyStore.writeAtomically(out, sealed.sealedPdf());
        Verifier.Options options = new Verifier.Options(null, recordingDir, gm == null ? null : gm.rootCertificate());
        if (recordingDir != null) {
            options = options.withRecordingCheck(new org.tixun.core.recording.RecordingVerifier());
        }
        VerificationReport report = new Verifier(anchors).verify(out.getFileName().toString(), sealed.sealedPdf(),
                options);
        Files.writeString(workDir.resolve("verification.txt"), report.toText(), StandardCharsets.UTF_8);
        long t2 = System.nanoTime();
        return new Result(sealed.sealedPdf(), out, Pki.sha256Hex(sealed.sealedPdf()), report, (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);
    }
}
