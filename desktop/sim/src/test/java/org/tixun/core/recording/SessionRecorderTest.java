// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import org.tixun.sim.TestPattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    static RecordingConfig small() {
        return RecordingConfig.sd().withSize(320, 240).withSegmentLength(Duration.ofSeconds(2)).withPreset("ultrafast");
    }

    @Test
    void segmentsRollAtTheConfiguredLengthAndChain(@TempDir Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        SessionRecorder r = SessionRecorder.start(dir, "S1", "R1", "tester", small(), RecordingListener.NONE, clock);
        try (TestPattern p = TestPattern.start(r, 320, 240, 25, true, clock)) {
            // Two whole segments and a picture in the third, so finishing leaves three.
            RecorderTesting.awaitSegmentsAndAFrameMore(r, 2);
        }
        RecordingManifest m = r.finish("tester");
        assertThat(m.segments().size()).isGreaterThanOrEqualTo(3);
        // A recorder more than a second behind (a loaded machine) skips frames to stay on the wall clock; then a
        // segment may hold fewer pictures or run past its nominal end. Without skips every segment is exact.
        boolean skipped = r.stats().framesSkipped() > 0;
        for (RecordingManifest.Segment s : m.segments().subList(0, m.segments().size() - 1)) {
            MediaProbe.Result d = MediaProbe.decode(dir.resolve(s.name()));
            assertThat(d.error()).isNull();
            if (!skipped) {
                assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofSeconds(2));
                assertThat(d.videoFrames()).isEqualTo(50);
            } else {
                assertThat(d.videoFrames()).isBetween(1L, 50L);
            }
            long samples = Duration.between(s.start(), s.end()).toMillis() * 48;
            assertThat(d.audioSamples()).isBetween(samples - 2048, samples + 2048);
            assertThat(RecordingRecovery.sha256(dir.resolve(s.name()))).isEqualTo(s.sha256());
        }
        String chain = RecordingChain.GENESIS;
        for (RecordingManifest.Segment s : m.segments()) {
            chain = RecordingChain.link(chain, s);
            assertThat(s.chain()).isEqualTo(chain);
        }
        assertThat(m.chainHead()).isEqualTo(chain);
        assertThat(RecordingManifest.read(dir.resolve(RecordingManifest.FILE_NAME))).isEqualTo(m);
        assertThat(r.stats().videoDropped()).isZero();
    }
}
