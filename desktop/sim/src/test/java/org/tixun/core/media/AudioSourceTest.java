// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.sim.ToneSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AudioSourceTest {
    private static int peak(short[] s, int from, int to) {
        int p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(s[i]));
        }
        return p;
    }

    @Test
    void toneBeepsDuringTheFirst100MillisecondsOfEachSecond() {
        long second = 1_795_000_000_000_000L;
        AudioChunk start = ToneSource.chunkAt(second);
        assertThat(start.samples()).hasSize(AudioSource.CHUNK_SAMPLES);
        assertThat(peak(start.samples(), 0, 960)).isGreaterThan(ToneSource.AMPLITUDE * 9 / 10);
        // 80..100 ms beeps, 100..120 ms is silent, the rest of the second too.
        assertThat(peak(ToneSource.chunkAt(second + 80_000).samples(), 0, 960)).isGreaterThan(10_000);
        assertThat(peak(ToneSource.chunkAt(second + 100_000).samples(), 0, 960)).isZero();
        assertThat(peak(ToneSource.chunkAt(second + 500_000).samples(), 0, 960)).isZero();
        AudioChunk straddling = ToneSource.chunkAt(second + 90_000);
        assertThat(peak(straddling.samples(), 0, 480)).isGreaterThan(10_000);
        assertThat(peak(straddling.samples(), 480, 960)).isZero();
        // 1 kHz: 48 samples per period, so zero crossings every 24 samples.
        int crossings = 0;
        for (int i = 1; i < 960; i++) {
            if ((start.samples()[i - 1] < 0) != (start.samples()[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(38, 41);
    }

    @Test
    void toneChunksAreContiguousAndOnThe20MillisecondGrid() throws Exception {
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();
        try (ToneSource tone = new ToneSource()) {
            tone.start(chunks::add);
            RecordingSink.await(() -> chunks.size() >= 10, 10_000);
        }
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(10);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).captureEpochMicros() % 20_000).isZero();
            assertThat(chunks.get(i).durationMicros()).isEqualTo(20_000);
            if (i > 0) {
                assertThat(chunks.get(i).captureEpochMicros() - chunks.get(i - 1).captureEpochMicros())
                        .isEqualTo(20_000);
            }
        }
        // A chunk is handed over only once its last sample's time has passed (real time, as from a capture line).
        AudioChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.captureEpochMicros() + last.durationMicros()).isLessThanOrEqualTo(MediaClock.nowMicros());
    }

    @Test
    void microphoneWithoutASoundCardFailsWithASentenceNamingTheProblem() {
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has an audio mixer");
        try (JavaSoundMicrophone mic = new JavaSoundMicrophone("")) {
            assertThatThrownBy(() -> mic.start(c -> { })).isInstanceOf(MediaDeviceException.class)
                    .hasMessageContaining("没有声音设备").hasMessageContaining("0 mixers");
        }
    }
}
