// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.recording.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.DocumentKind;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.recording.RecordingListener;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.recording.SessionRecorder;
import org.tixun.sim.TestPattern;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.SigningRulesException;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.demo.SampleRecord;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.sim.SignatureSynth;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.Lang;
import org.tixun.templates.RenderResult;
import org.tixun.core.session.flow.SlotPlanner;
import org.tixun.templates.TemplateRegistry;

/**
 * The demo without a screen: renders the example interrogation record (templates), has every
 * participant sign with strokes from the simulated pad's signature synthesiser, seals it (PAdES
 * revisions per signer, seal, document time-stamp, embedded TSA) and verifies the result.
 */
public final class HeadlessDemo {
    /** The ISDV4 digitizer the simulator emulates. */
    public static final DeviceInfo PAD = new DeviceInfo("Wacom (simulated)", "ISDV4 serial digitizer", "SIM-ISDV4-0001", "10",
            26_202, 16_325, 1023, 200);

    private HeadlessDemo() {
    }

    /** What the run produced. */
    public record Outcome(Path frozen, Path sealed, Path rootCertificate, int pages, int signers,
                          VerificationReport report, Path recordingDir, RecordingManifest recording) {
    }

    /** The demo with a 4 s synthetic recording of the signing (two 2 s segments at 640×480). */
    public static Outcome run(Path out, InstitutionKeyStore keys) throws IOException, SigningRulesException {
        return run(out, keys, Duration.ofSeconds(4));
    }

    /**
     * The demo; {@code recordingLength} of synthetic test-pattern video and tone (zero for none) is recorded into
     * {@code out/recording}, the signature events reference its last segment and the seal carries its manifest.
     */
    public static Outcome run(Path out, InstitutionKeyStore keys, Duration recordingLength) throws IOException,
            SigningRulesException {
        Files.createDirectories(out);
        Path recordingDir = null;
        RecordingManifest recording = null;
        if (!recordingLength.isZero()) {
            recordingDir = out.resolve("recording");
            recording = record(recordingDir, recordingLength);
        }
        return seal(out, keys, recordingDir, recording, true);
    }

    /**
     * The demo record sealed with a recording manifest over files that already exist in {@code recordingDir}
     * ({@code segment-*} names, one minute each from 2026-11-22T10:00:00Z, chained): benchmark and test material of a
     * given size, not a recording (the files need not decode; verification checks their hashes only).
     */
    public static Outcome sealOver(Path out, InstitutionKeyStore keys, String sessionId, Path recordingDir,
            List<String> segmentNames) throws IOException, SigningRulesException {
        Files.createDirectories(out);
        List<RecordingManifest.Segment> segments = new ArrayList<>();
        String chain = org.tixun.core.recording.RecordingChain.GENESIS;
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        int index = 1;
        for (String name : segmentNames) {
            Path f = recordingDir.resolve(name);
            String sha = Pki.hex(sha256(f));
            long size = Files.size(f);
            Instant end = t.plusSeconds(60);
            chain = org.tixun.core.recording.RecordingChain.link(chain, sha, index, name, size, t, end,
                    org.tixun.core.recording.SegmentStatus.COMPLETE);
            segments.add(new RecordingManifest.Segment(index, name, t, end, size, sha, chain,
                    org.tixun.core.recording.SegmentStatus.COMPLETE));
            t = end;
            index++;
        }
        RecordingManifest m = new RecordingManifest(RecordingManifest.FORMAT, sessionId, null,
                Instant.parse("2026-11-22T10:00:00Z"), t, 640, 480, 25, segments, List.of(), chain);
        return seal(out, keys, recordingDir, m, false);
    }

    private static byte[] sha256(Path file) throws IOException {
        java.security.MessageDigest md = Pki.sha256Digest();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    private static Outcome seal(Path out, InstitutionKeyStore keys, Path recordingDir, RecordingManifest recording,
            boolean decode) throws IOException, SigningRulesException {
        TemplateRegistry registry = TemplateRegistry.builtIn();
        DocumentData data;
        try (InputStream in = TemplateRegistry.class.getResourceAsStream(
                "/org/tixun/templates/examples/INTERROGATION_RECORD.json")) {
            if (in == null) {
                throw new IOException("the example interrogation record is missing from the templates module");
            }
            data = DocumentData.fromJson(in);
        }
        RenderResult rendered;
        try {
            rendered = new DefaultTemplateService(registry).withDemoMark().render("INTERROGATION_RECORD", data, Lang.ZH);
        } catch (org.tixun.templates.UnknownKindException | org.tixun.templates.InvalidDataException e) {
            throw new IOException("the example record does not render: " + e.getMessage(), e);
        }
        Path frozen = out.resolve("frozen.pdf");
        InstitutionKeyStore.writeAtomically(frozen, rendered.pdf());
        List<SignatureSlot> slots = SlotPlanner.slots(rendered.slots());
        String frozenHash = Pki.sha256Hex(rendered.pdf());
        List<SignatureEvent> events = events(slots, frozenHash, data, recording);
        Set<SignerRole> present = EnumSet.noneOf(SignerRole.class);
        slots.forEach(s -> present.add(s.role()));
        SealRequest request = new SealRequest("DEMO-" + frozenHash.substring(0, 12), DocumentKind.INTERROGATION_RECORD,
                rendered.pdf(), slots, events, present, List.of(), recording == null ? null : recording.toJson()).asDemo();
        SealResult sealed;
        try (EmbeddedTsa tsa = new EmbeddedTsa(keys.tsaCredential())) {
            sealed = new Sealer(keys, new Rfc3161Client(tsa.start(0))).seal(request);
        }
        Path sealedPath = out.resolve("sealed.pdf");
        InstitutionKeyStore.writeAtomically(sealedPath, sealed.sealedPdf());
        Path root = out.resolve("institution-root.pem");
        Certificates.writePem(root, keys.rootCertificate());
        VerificationReport report = new Verifier(List.of(keys.rootCertificate()))
                .verify(sealedPath.getFileName().toString(), sealed.sealedPdf(), decode
                        ? new Verifier.Options(null, recordingDir).withRecordingCheck(new RecordingVerifier())
                        : new Verifier.Options(null, recordingDir));
        Files.writeString(out.resolve("verification.txt"), report.toText(), StandardCharsets.UTF_8);
        long signers = events.stream().map(e -> e.signer().name() + e.signer().role()).distinct().count();
        return new Outcome(frozen, sealedPath, root, rendered.pageCount(), (int) signers, report, recordingDir,
                recording);
    }

    /** Records the synthetic session: both directions from the test pattern, 2 s segments. */
    static RecordingManifest record(Path dir, Duration length) throws IOException {
        if (Files.exists(dir.resolve(org.tixun.core.recording.RecordingLog.FILE_NAME))) {
            // A previous run's recording: start afresh (the demo directory is scratch).
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        java.time.Clock clock = java.time.Clock.systemDefaultZone();
        RecordingConfig config = RecordingConfig.sd().withSegmentLength(Duration.ofSeconds(2)).withPreset("ultrafast");
        SessionRecorder recorder = SessionRecorder.start(dir, "DEMO-SESSION", null, "demo", config,
                RecordingListener.NONE, clock);
        try (TestPattern pattern = TestPattern.start(recorder, 640, 480, config.fps(), true, clock)) {
            int segments = (int) Math.max(1, length.toMillis() / config.segmentLength().toMillis());
            while (recorder.stats().segments() < segments) {
                if (recorder.stats().failure() != null) {
                    throw new IOException("demo recording failed: " + recorder.stats().failure());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while recording the demo", e);
                }
            }
        }
        return recorder.finish("demo");
    }

    static List<SignatureEvent> events(List<SignatureSlot> slots, String frozenHash, DocumentData data,
            RecordingManifest recording) {
        RecordingManifest.Segment last = recording == null || recording.segments().isEmpty() ? null
                : recording.segments().get(recording.segments().size() - 1);
        Map<String, SignerIdentity> signers = new LinkedHashMap<>();
        List<SignatureSlot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparingInt((SignatureSlot s) -> s.role().rank()));
        List<SignatureEvent> events = new ArrayList<>();
        Instant t = Instant.parse("2026-11-22T10:05:00Z");
        long mono = 5_000_000_000L;
        byte[] photo = SampleRecord.photo(3);
        byte[] fingerprint = SampleRecord.fingerprintImage();
        List<String> names = new ArrayList<>(SignatureSynth.NAMES.keySet());
        int seed = 0;
        Set<String> photographed = new java.util.HashSet<>();
        for (SignatureSlot slot : ordered) {
            String signerKey = slot.role() == SignerRole.INTERROGATOR ? slot.id().replaceAll("-p\\d+.*", "")
                    : slot.role().name();
            SignerIdentity who = signers.computeIfAbsent(signerKey, k -> identity(slot.role(), k, data));
            List<StrokeSample> samples = switch (slot.kind()) {
                case FINGERPRINT -> List.of();
                case CONFIRMATION -> scaled(SampleRecord.strokes(seed++, 900));
                default -> strokes(SignatureSynth.signature(names.get(seed++ % names.size()), seed));
            };
            long span = samples.isEmpty() ? 1200 : samples.get(samples.size() - 1).tMillis();
            Instant end = t.plusMillis(span);
            boolean first = photographed.add(signerKey);
            events.add(new SignatureEvent("demo-" + events.size(), who, slot.id(), samples, null,
                    first ? photo : null, photo, slot.kind() == SlotKind.FINGERPRINT ? fingerprint : null,
                    new EventTimes(t, end, mono, mono + span * 1_000_000L, mono / 1000, (mono + span * 1_000_000L) / 1000,
                            null), PAD, frozenHash, last == null ? null
                            : new RecordingSpan(last.name(), last.sha256(), last.start(), last.end())));
            t = end.plus(Duration.ofSeconds(3));
            mono += (span + 3000) * 1_000_000L;
        }
        return events;
    }

    private static SignerIdentity identity(SignerRole role, String key, DocumentData data) {
        String name = switch (role) {
            case SUSPECT -> text(data, "suspectName", "犯罪嫌疑人");
            case RECORDER -> text(data, "recorder", "记录人");
            case APPROPRIATE_ADULT -> text(data, "appropriateAdultName", "合适成年人");
            case INTERPRETER -> text(data, "interpreterName", "翻译人员");
            default -> text(data, key.endsWith("2") ? "interrogator2" : "interrogator1", "讯问人");
        };
        return new SignerIdentity(name, role, role == SignerRole.SUSPECT ? text(data, "suspectIdNumber", "") : key);
    }

    private static String text(DocumentData data, String field, String fallback) {
        Object v = data.value(field);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    /** Pad samples -> evidence samples, unaltered values; device time from the pad's nominal clock. */
    public static List<StrokeSample> strokes(List<InkPoint> points) {
        List<StrokeSample> out = new ArrayList<>(points.size());
        for (InkPoint p : points) {
            long t = Math.round(p.tMs());
            out.add(new StrokeSample(p.x(), p.y(), p.pressure(), t, p.contact(), t * 1000, t * 1_000_000L));
        }
        return out;
    }

    /** The synthetic confirmation handwriting is made for a 2000 x 800 pad; spread it over the ISDV4 area. */
    private static List<StrokeSample> scaled(List<StrokeSample> samples) {
        double sx = PAD.width() / 2000.0;
        double sy = PAD.height() / 800.0 * 0.6;
        return samples.stream().map(s -> new StrokeSample((int) Math.round(s.x() * sx), (int) Math.round(s.y() * sy),
                s.pressure(), s.tMillis(), s.contact(), s.deviceTimeMicros(), s.hostNanos())).toList();
    }
}
