// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder that stalls (a loaded machine) right after a segment has closed skips to the wall clock, and the next
 * segment still starts where the last one ended: no moment of the session falls between two segments, so a signature
 * made during the stall lies in a segment (found by the production end-to-end test, where such a signature's
 * recording reference could not be resolved and the record failed its verification).
 */
class SessionRecorderStallTest {
    private SessionRecorder recorder;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aStallAfterASegmentClosedLeavesNoHoleBetweenSegments(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.parse("2026-12-06T09:00:00Z");
        TestClock clock = new TestClock(t0);
        RecordingConfig config = RecordingConfig.sd().withSize(320, 240).withSegmentLength(Duration.ofSeconds(2))
                .withPreset("ultrafast");
        SessionRecorder r = SessionRecorder.start(dir, "S-stall", "R1", "tester", config, RecordingListener.NONE,
                clock);
        recorder = r;
        // Time runs normally up to just before the nominal end of the first segment: it closes after its 50th
        // picture (0.5 s steps, each waited for: no stall yet).
        for (int ms = 500; ms <= 2000; ms += 500) {
            clock.set(t0.plusMillis(Math.min(ms, 1990)));
            long pictures = Math.min(ms, 1990) / 40 + 1;
            await("the recorder at " + ms + " ms", () -> r.stats().framesEncoded() >= pictures);
        }
        await("the first segment closed", () -> r.stats().segments() == 1);
        assertThat(r.stats().framesSkipped()).isZero();
        // Then the machine stalls for three seconds: the recorder is far behind when it looks at the clock again.
        clock.set(t0.plusMillis(5000));
        await("the stall skipped", () -> r.stats().framesSkipped() > 0);
        clock.set(t0.plusMillis(5500));
        await("the recorder at 5500 ms", () -> r.stats().framesEncoded() >= 56);
        RecordingManifest m = r.finish("tester");

        List<RecordingManifest.Segment> segments = m.segments();
        assertThat(segments).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.stats().framesSkipped()).as("the stall was skipped").isPositive();
        assertThat(segments.get(0).start()).as("the recording starts when it was started").isEqualTo(t0);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start()).as("segment %d starts where segment %d ended", i + 1, i)
                    .isEqualTo(segments.get(i - 1).end());
        }
        Instant duringTheStall = t0.plusMillis(3000);
        assertThat(segments).as("a moment of the stall lies in a segment")
                .anyMatch(s -> !duringTheStall.isBefore(s.start()) && duringTheStall.isBefore(s.end()));
        for (RecordingManifest.Segment s : segments) {
            assertThat(MediaProbe.decode(dir.resolve(s.name())).error()).as(s.name()).isNull();
        }
    }

    private interface Check {
        boolean ok();
    }

    /** Waits for the recorder's state with a deadline; a recorder failure or the deadline fails the test. */
    private void await(String what, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.ok()) {
            if (recorder.stats().failure() != null) {
                throw new AssertionError("recorder failed: " + recorder.stats().failure());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + recorder.stats());
            }
            Thread.sleep(10);
        }
    }
}
