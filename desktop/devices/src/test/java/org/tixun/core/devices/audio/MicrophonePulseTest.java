// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.ChildProcess;
import org.tixun.core.media.JavaSoundMicrophone;

/**
 * The microphone path (javax.sound → ALSA → ALSA's pulse plugin → PulseAudio) against a PulseAudio daemon the test
 * starts with a null sink: a known tone sequence played into the sink is captured from its monitor by {@link
 * Microphones} in a child JVM, and the captured audio must contain the sequence in order (Goertzel per 20 ms).
 */
class MicrophonePulseTest {
    /** The sequence played: four tones well apart, 250 ms each with 150 ms of silence between. */
    static final int[] TONES = {600, 1100, 1700, 2500};

    @TempDir
    Path dir;

    @BeforeAll
    static void installed() {
        PulseDaemon.assumeInstalled();
    }

    @Test
    void hearsTheToneSequencePlayedIntoTheSoundServer() throws Exception {
        try (PulseDaemon pulse = new PulseDaemon(dir.resolve("pulse"))) {
            pulse.start();
            Path wav = dir.resolve("tones.wav");
            writeTones(wav);
            Path pcm = dir.resolve("captured.pcm");
            try (ChildProcess child = ChildProcess.jvm(MicrophoneChildMain.class, pulse.clientEnv(),
                    pcm.toString())) {
                String mic = child.await("MIC ", 30_000);
                assertThat(mic).as("javax.sound lists PulseAudio's capture device").contains("default");
                child.await("CAPTURING ", 30_000);
                pulse.play(wav);
                child.process().getOutputStream().close();
                child.await("STOPPED ", 30_000);
                assertThat(child.waitFor(30_000)).isZero();
            }
            short[] samples = read(pcm);
            assertThat(samples.length).as("at least the sequence's length captured")
                    .isGreaterThan(TONES.length * 400 * 48);
            assertThat(sequence(samples)).containsExactly(600, 1100, 1700, 2500);
        }
    }

    /** The tones heard, in order: the dominant tone of each 20 ms window, runs of at least 100 ms. */
    static List<Integer> sequence(short[] s) {
        int window = 960;
        List<Integer> heard = new ArrayList<>();
        int current = -1;
        int run = 0;
        for (int start = 0; start + window <= s.length; start += window) {
            int tone = dominant(s, start, window);
            if (tone == current) {
                run++;
            } else {
                current = tone;
                run = 1;
            }
            if (run == 5 && tone > 0 && (heard.isEmpty() || heard.get(heard.size() - 1) != tone)) {
                heard.add(tone);
            }
        }
        return heard;
    }

    /** The tone of {@link #TONES} holding most of the window's energy, or -1 (silence or no single tone). */
    static int dominant(short[] s, int start, int n) {
        double energy = 0;
        for (int i = start; i < start + n; i++) {
            energy += (double) s[i] * s[i];
        }
        double rms = Math.sqrt(energy / n) / 32768;
        if (rms < 0.01) {
            return -1;
        }
        for (int f : TONES) {
            double w = 2 * Math.PI * f / 48_000.0;
            double coeff = 2 * Math.cos(w);
            double s1 = 0;
            double s2 = 0;
            for (int i = start; i < start + n; i++) {
                double v = s[i] + coeff * s1 - s2;
                s2 = s1;
                s1 = v;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            // A pure tone filling the window gives power / (n/2 · energy) ≈ 1.
            if (power / (n / 2.0 * energy) > 0.6) {
                return f;
            }
        }
        return -1;
    }

    private static void writeTones(Path wav) throws IOException {
        int rate = 48_000;
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        appendSilence(pcm, rate / 5);
        for (int f : TONES) {
            int n = rate / 4;
            for (int i = 0; i < n; i++) {
                double ramp = Math.min(1, Math.min(i, n - i) / 240.0);
                short v = (short) Math.round(0.5 * 32767 * ramp * Math.sin(2 * Math.PI * f * i / rate));
                pcm.write(v & 0xff);
                pcm.write((v >> 8) & 0xff);
            }
            appendSilence(pcm, rate * 3 / 20);
        }
        appendSilence(pcm, rate / 5);
        byte[] bytes = pcm.toByteArray();
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(bytes),
                JavaSoundMicrophone.FORMAT, bytes.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    private static void appendSilence(ByteArrayOutputStream pcm, int samples) {
        pcm.writeBytes(new byte[samples * 2]);
    }

    private static short[] read(Path pcm) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }
}
