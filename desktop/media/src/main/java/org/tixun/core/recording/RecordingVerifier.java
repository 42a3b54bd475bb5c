// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tixun.core.evidence.Finding;
import org.tixun.core.evidence.RecordingCheck;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * Checks a session's recording: every segment's file against its SHA-256, the hash chain recomputed from the
 * manifest, every segment decoded completely with FFmpeg (pictures, duration); optionally against the chain head and
 * manifest sealed into the record. Also the {@link RecordingCheck} the evidence {@code Verifier} calls.
 */
public final class RecordingVerifier implements RecordingCheck {
    /** Result of one segment. */
    public enum Status { OK, MISSING, ALTERED, UNDECODABLE }

    /** Told after each segment (for a progress bar). */
    public interface Progress {
        void segmentChecked(int done, int total, SegmentCheck check);
    }

    /**
     * One segment.
     *
     * @param segment what the manifest says
     * @param status what the check found
     * @param frames pictures decoded
     * @param durationMicros decoded duration
     * @param zh sentence in Chinese
     * @param en sentence in English
     */
    public record SegmentCheck(RecordingManifest.Segment segment, Status status, long frames, long durationMicros,
            String zh, String en) {
        /** True when the file is as recorded (a segment recorded as damaged need not decode). */
        public boolean ok() {
            return status == Status.OK
                    || (status == Status.UNDECODABLE && segment.status() == SegmentStatus.DAMAGED);
        }
    }

    /**
     * The whole check.
     *
     * @param manifest the manifest checked against
     * @param segments per segment, in order
     * @param chainOk the chain recomputes to every segment's value and the head
     * @param findings chain, head and unlisted-file findings
     */
    public record Report(RecordingManifest manifest, List<SegmentCheck> segments, boolean chainOk,
            List<Finding> findings) {
        public boolean ok() {
            return chainOk && segments.stream().allMatch(SegmentCheck::ok) && findings.stream().allMatch(Finding::ok);
        }

        public long totalFrames() {
            return segments.stream().mapToLong(SegmentCheck::frames).sum();
        }

        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(both("rec.report.session")).append(": ").append(manifest.sessionId());
            if (manifest.recordId() != null) {
                sb.append("  ").append(both("rec.report.record")).append(": ").append(manifest.recordId());
            }
            sb.append('\n').append(both("rec.report.chainHead")).append(": ").append(manifest.chainHead())
                    .append('\n');
            for (SegmentCheck c : segments) {
                sb.append(c.ok() ? "  ✓ " : "  ✗ ").append(c.zh()).append(" (").append(c.en()).append(")\n");
            }
            for (Finding f : findings) {
                sb.append("  ").append(f).append('\n');
            }
            for (RecordingManifest.Event e : manifest.events()) {
                if (e.kind() == RecordingEventKind.GAP) {
                    sb.append("  ").append(both("rec.report.gap")).append(' ').append(e.from()).append(" → ").append(e.to()).append(": ")
                            .append(e.reason()).append('\n');
                }
            }
            sb.append(MediaMessages.of(ok() ? "rec.report.intact" : "rec.report.failed").bilingual()).append('\n');
            return sb.toString();
        }

        /** A label of the text report in both languages, Chinese first: 「会话 Session」. */
        private static String both(String key) {
            Message m = MediaMessages.of(key);
            return m.chinese() + " " + m.english();
        }
    }

    /** Checks a session directory against its own manifest (or its log when it was never closed). */
    public Report verify(Path dir, Progress progress) throws IOException {
        return verify(dir, manifestOf(dir), progress);
    }

    /** The directory's manifest, or the state of its log when there is none (a recording that never closed). */
    public static RecordingManifest manifestOf(Path dir) throws IOException {
        Path file = dir.resolve(RecordingManifest.FILE_NAME);
        if (Files.isRegularFile(file)) {
            return RecordingManifest.read(file);
        }
        RecordingLog.State state = RecordingLog.read(dir);
        if (state == null) {
            throw new LocalizedIOException(MediaMessages.of("rec.verify.noManifest", dir));
        }
        return state.manifest();
    }

    /** Checks the files in {@code dir} against {@code manifest} (e.g. the one sealed into the record). */
    public Report verify(Path dir, RecordingManifest manifest, Progress progress) throws IOException {
        List<SegmentCheck> checks = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        for (RecordingManifest.Segment s : manifest.segments()) {
            SegmentCheck c = check(dir, s);
            checks.add(c);
            i++;
            if (progress != null) {
                progress.segmentChecked(i, manifest.segments().size(), c);
            }
        }
        String chain = RecordingChain.GENESIS;
        boolean chainOk = true;
        int expectedIndex = manifest.segments().isEmpty() ? 1 : manifest.segments().get(0).index();
        for (RecordingManifest.Segment s : manifest.segments()) {
            chain = RecordingChain.link(chain, s);
            if (!chain.equals(s.chain()) || s.index() != expectedIndex) {
                if (chainOk) {
                    findings.add(Finding.fail("recording-chain", MediaMessages.of("rec.verify.chainBroken", s.index())));
                }
                chainOk = false;
            }
            expectedIndex = s.index() + 1;
        }
        if (chainOk && !chain.equals(manifest.chainHead())) {
            chainOk = false;
            findings.add(Finding.fail("recording-chain", MediaMessages.of("rec.verify.headMismatch")));
        }
        if (chainOk) {
            findings.add(Finding.ok("recording-chain", MediaMessages.of("rec.verify.chainIntact",
                    abbreviate(manifest.chainHead()))));
        }
        Set<String> listed = new HashSet<>();
        manifest.segments().forEach(s -> listed.add(s.name()));
        List<String> unlisted = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "segment-*.mp4")) {
                for (Path p : ds) {
                    if (!listed.contains(p.getFileName().toString())) {
                        unlisted.add(p.getFileName().toString());
                    }
                }
            }
        }
        if (!unlisted.isEmpty()) {
            unlisted.sort(null);
            findings.add(Finding.fail("recording-unlisted", MediaMessages.of("rec.verify.unlisted", String.join(", ", unlisted))));
        }
        return new Report(manifest, checks, chainOk, findings);
    }

    /** Checks one segment file. */
    public static SegmentCheck check(Path dir, RecordingManifest.Segment s) throws IOException {
        Path file = dir.resolve(s.name());
        if (!Files.isRegularFile(file)) {
            return segmentCheck(s, Status.MISSING, 0, 0, MediaMessages.of("rec.verify.segmentMissing", s.index(), s.name()));
        }
        String sha = RecordingRecovery.sha256(file);
        if (!sha.equalsIgnoreCase(s.sha256()) || Files.size(file) != s.size()) {
            return segmentCheck(s, Status.ALTERED, 0, 0, MediaMessages.of("rec.verify.segmentAltered", s.index(), s.name()));
        }
        MediaProbe.Result d = MediaProbe.decode(file);
        String dur = String.format("%.2f s", d.durationMicros() / 1e6);
        if (!d.decodes() && !(s.status() != SegmentStatus.COMPLETE && d.videoFrames() > 0)) {
            Message m = MediaMessages.of(s.status() == SegmentStatus.DAMAGED ? "rec.verify.segmentUndecodableDamaged"
                    : "rec.verify.segmentUndecodable", s.index(), s.name());
            // the decoder's own words (English) after the English sentence only, as before
            return new SegmentCheck(s, Status.UNDECODABLE, d.videoFrames(), d.durationMicros(), m.chinese(),
                    m.english() + (d.error() == null ? "" : ": " + d.error()));
        }
        return segmentCheck(s, Status.OK, d.videoFrames(), d.durationMicros(), s.status() == SegmentStatus.COMPLETE
                ? MediaMessages.of("rec.verify.segmentIntact", s.index(), s.name(), d.videoFrames(), dur)
                : MediaMessages.of("rec.verify.segmentIntactWithStatus", s.index(), s.name(), d.videoFrames(), dur, s.status()));
    }

    private static SegmentCheck segmentCheck(RecordingManifest.Segment s, Status status, long frames, long micros,
            Message m) {
        return new SegmentCheck(s, status, frames, micros, m.chinese(), m.english());
    }

    /** The evidence verifier's hook: the sealed manifest against the files in {@code recordingDir}. */
    @Override
    public List<Finding> check(byte[] manifestJson, Path recordingDir) {
        List<Finding> out = new ArrayList<>();
        try {
            Report r = verify(recordingDir, RecordingManifest.parse(manifestJson), null);
            for (SegmentCheck c : r.segments()) {
                out.add(c.ok() ? Finding.ok("recording-segment", c.zh(), c.en())
                        : Finding.fail("recording-segment", c.zh(), c.en()));
            }
            out.addAll(r.findings());
        } catch (IOException e) {
            out.add(Finding.fail("recording", MediaMessages.of("rec.verify.uncheckable", String.valueOf(e.getMessage()))));
        }
        return out;
    }

    static String abbreviate(String hex) {
        return hex == null || hex.length() < 16 ? String.valueOf(hex) : hex.substring(0, 16) + "…";
    }
}
