// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One recorded session with a pause, a lost link and private mute; then tampering, events and the working copy. */
class RecordingTamperTest {
    @TempDir
    static Path shared;
    static Path master;
    static RecordingManifest manifest;

    @BeforeAll
    static void record() throws Exception {
        master = shared.resolve("master");
        Clock clock = Clock.systemUTC();
        SessionRecorder r = SessionRecorder.start(master, "S-T", "R-T", "tester", SessionRecorderTest.small(),
                RecordingListener.NONE, clock);
        try (TestPattern p = TestPattern.start(r, 320, 240, 25, true, clock)) {
            RecorderTesting.awaitSegments(r, 1);
            p.remoteSilent(true);
            r.linkLost("网络中断 (network down)");
            r.privateMuteStart("检察官甲", "合议 (consultation)");
            RecorderTesting.awaitSegments(r, 2);
            r.privateMuteEnd("检察官甲");
            p.remoteSilent(false);
            r.linkRestored();
            r.pause("检察官甲", "嫌疑人身体不适 (suspect unwell)");
            Thread.sleep(300);
            r.resume("检察官乙", "已确认恢复 (confirmed)");
            // a segment recorded after the resume, however many rolled over before the pause on a slow machine
            RecorderTesting.awaitSegments(r, r.stats().segments() + 1);
        }
        manifest = r.finish("tester");
    }

    private static Path copy(Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(master)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    @Test
    void intactRecordingVerifies() throws Exception {
        List<Integer> progress = new ArrayList<>();
        RecordingVerifier.Report r = new RecordingVerifier().verify(master, (done, total, c) -> progress.add(done));
        assertThat(r.ok()).as(r.toText()).isTrue();
        assertThat(progress).hasSize(manifest.segments().size());
        assertThat(r.segments()).allMatch(c -> c.status() == RecordingVerifier.Status.OK && c.frames() > 0);
    }

    @Test
    void alteredByteIsDetected(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp.resolve("d"));
        Path seg = dir.resolve(manifest.segments().get(1).name());
        byte[] b = Files.readAllBytes(seg);
        b[b.length / 2] ^= 1;
        Files.write(seg, b);
        RecordingVerifier.Report r = new RecordingVerifier().verify(dir, null);
        assertThat(r.ok()).isFalse();
        assertThat(r.segments().get(1).status()).isEqualTo(RecordingVerifier.Status.ALTERED);
        assertThat(r.segments().get(1).zh()).contains("已被改动");
        assertThat(r.segments().get(0).status()).isEqualTo(RecordingVerifier.Status.OK);
    }

    @Test
    void removedSegmentIsDetected(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp.resolve("d"));
        Files.delete(dir.resolve(manifest.segments().get(0).name()));
        RecordingVerifier.Report r = new RecordingVerifier().verify(dir, null);
        assertThat(r.segments().get(0).status()).isEqualTo(RecordingVerifier.Status.MISSING);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void removedSegmentFromTheManifestBreaksTheChain(@TempDir Path tmp) throws Exception {
        List<RecordingManifest.Segment> segs = new ArrayList<>(manifest.segments());
        segs.remove(1);
        RecordingManifest edited = new RecordingManifest(manifest.format(), manifest.sessionId(), manifest.recordId(),
                manifest.start(), manifest.end(), manifest.width(), manifest.height(), manifest.fps(), segs,
                manifest.events(), manifest.chainHead());
        RecordingVerifier.Report r = new RecordingVerifier().verify(master, edited, null);
        assertThat(r.chainOk()).isFalse();
        assertThat(r.findings()).anyMatch(f -> !f.ok() && f.en().contains("breaks at segment"));
        assertThat(r.findings()).anyMatch(f -> !f.ok() && f.en().contains("not listed"));
    }

    @Test
    void reorderedSegmentsAreDetected(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp.resolve("d"));
        Path a = dir.resolve(manifest.segments().get(0).name());
        Path b = dir.resolve(manifest.segments().get(1).name());
        Path t = dir.resolve("swap");
        Files.move(a, t);
        Files.move(b, a);
        Files.move(t, b);
        RecordingVerifier.Report r = new RecordingVerifier().verify(dir, null);
        assertThat(r.segments().subList(0, 2)).allMatch(c -> c.status() == RecordingVerifier.Status.ALTERED);
        // Reordering the manifest's list instead breaks the chain.
        List<RecordingManifest.Segment> segs = new ArrayList<>(manifest.segments());
        java.util.Collections.swap(segs, 0, 1);
        RecordingManifest edited = new RecordingManifest(manifest.format(), manifest.sessionId(), manifest.recordId(),
                manifest.start(), manifest.end(), manifest.width(), manifest.height(), manifest.fps(), segs,
                manifest.events(), manifest.chainHead());
        assertThat(new RecordingVerifier().verify(master, edited, null).chainOk()).isFalse();
    }

    @Test
    void eventsAndGapsAreLoggedWithReasonsAndTimes() {
        List<RecordingEventKind> kinds = manifest.events().stream().map(RecordingManifest.Event::kind).toList();
        assertThat(kinds).containsSubsequence(RecordingEventKind.STARTED, RecordingEventKind.LINK_LOST,
                RecordingEventKind.PRIVATE_MUTE_START, RecordingEventKind.PRIVATE_MUTE_END,
                RecordingEventKind.LINK_RESTORED, RecordingEventKind.PAUSED, RecordingEventKind.RESUMED,
                RecordingEventKind.GAP, RecordingEventKind.CLOSED);
        RecordingManifest.Event gap = manifest.gaps().get(0);
        assertThat(gap.reason()).isEqualTo("嫌疑人身体不适 (suspect unwell)");
        assertThat(gap.actor()).isEqualTo("检察官乙");
        assertThat(gap.to()).isAfter(gap.from());
        // The segment before the pause ends where the gap starts; the next one starts after it.
        RecordingManifest.Segment before = manifest.segments().stream().filter(s -> !s.end().isAfter(gap.from()))
                .reduce((x, y) -> y).orElseThrow();
        assertThat(before.end()).isEqualTo(gap.from());
        RecordingManifest.Segment after = manifest.segments().get(manifest.segments().indexOf(before) + 1);
        assertThat(after.start()).isAfterOrEqualTo(gap.to().minusMillis(40));
        RecordingManifest.Event lost = manifest.events().stream()
                .filter(e -> e.kind() == RecordingEventKind.LINK_LOST).findFirst().orElseThrow();
        assertThat(lost.reason()).isEqualTo("网络中断 (network down)");
    }

    @Test
    void workingCopyDecodesWithTheTotalDuration(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("working.mp4");
        RecordingExport.Result result = RecordingExport.export(master, out);
        assertThat(result.segments()).isEqualTo(manifest.segments().size());
        long frames = 0;
        long micros = 0;
        for (RecordingManifest.Segment s : manifest.segments()) {
            MediaProbe.Result d = MediaProbe.decode(master.resolve(s.name()));
            frames += d.videoFrames();
            micros += d.durationMicros();
        }
        MediaProbe.Result copy = MediaProbe.decode(out);
        assertThat(copy.error()).isNull();
        assertThat(copy.videoFrames()).isEqualTo(frames);
        assertThat(copy.durationMicros()).isBetween(micros - 80_000, micros + 80_000);
        assertThat(copy.audioSamples()).isGreaterThan(micros * 48 / 1000 - 48_000);
    }
}
