// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.signpad.serial.PadTestSupport.eventually;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.pads.Pads;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.Signatures;
import org.tixun.signpad.sim.SimulatedPad;

class PtyEndToEndTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void socat() {
        PadTestSupport.requireSocat();
    }

    @Test
    void isdv4CaptureThroughPtyEqualsTheSimulatorInput() throws Exception {
        List<InkPoint> input = Signatures.load("wang-feng.csv", dir);
        List<InkPoint> got = replay(PadProtocol.ISDV4, input, 2000);
        assertThat(got).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            InkPoint a = input.get(i);
            InkPoint b = got.get(i);
            assertThat(new int[] {b.x(), b.y(), b.pressure(), b.contact() ? 1 : 0})
                    .as("sample %d", i)
                    .containsExactly(a.x(), a.y(), a.pressure(), a.contact() ? 1 : 0);
        }
    }

    @Test
    void protocol4CaptureKeepsCoordinatesAndEightBitPressure() throws Exception {
        List<InkPoint> input = Signatures.load("yu-shan.csv", dir).subList(0, 200);
        List<InkPoint> got = replay(PadProtocol.PROTOCOL4, input, 2000);
        assertThat(got).hasSize(input.size());
        int maxP = input.stream().mapToInt(InkPoint::pressure).max().orElseThrow();
        for (int i = 0; i < input.size(); i++) {
            assertThat(got.get(i).x()).isEqualTo(input.get(i).x());
            assertThat(got.get(i).y()).isEqualTo(input.get(i).y());
            assertThat(got.get(i).contact()).isEqualTo(input.get(i).contact());
            int expectedP = maxP > 255 ? (int) Math.round(input.get(i).pressure() * 255.0 / maxP)
                    : input.get(i).pressure();
            assertThat(got.get(i).pressure()).isEqualTo(expectedP);
        }
    }

    @Test
    void noiseOnTheLineBetweenPacketsLosesOnlyTheNoise() throws Exception {
        List<InkPoint> input = Signatures.load("wang-feng.csv", dir);
        DecodeCounts[] counts = new DecodeCounts[1];
        List<InkPoint> got = replay(PadProtocol.ISDV4, input, 2000, 8, counts);
        assertThat(got).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            assertThat(got.get(i).x()).isEqualTo(input.get(i).x());
            assertThat(got.get(i).y()).isEqualTo(input.get(i).y());
            assertThat(got.get(i).pressure()).isEqualTo(input.get(i).pressure());
        }
        assertThat(counts[0].bytesDropped()).as("the noise was seen and dropped").isPositive();
        assertThat(counts[0].packetsOk()).isGreaterThanOrEqualTo(input.size());
    }

    @Test
    void topazPadReportsTipOnlyAndScaledCoordinates() throws Exception {
        List<InkPoint> input = Signatures.load("yu-shan.csv", dir).subList(0, 150);
        List<PenSample> samples = new CopyOnWriteArrayList<>();
        try (PtyPair pty = PtyPair.start(dir.resolve("dev"), dir.resolve("host"));
                SimulatedPad sim = new SimulatedPad(PadProtocol.TOPAZ, pty.deviceEnd(), input, 2000)) {
            sim.start();
            assertThat(sim.scaled()).isTrue();
            try (SignaturePad pad = Pads.create(PadProtocol.TOPAZ, pty.hostEnd().toString(),
                    PadTestSupport.fastOptions())) {
                pad.addSampleListener(samples::add);
                pad.open();
                assertThat(pad.info().hasPressure()).isFalse();
                assertThat(pad.info().describe()).contains("tip only");
                pad.start();
                sim.play();
                assertThat(sim.awaitFinished(Duration.ofSeconds(20))).isTrue();
                eventually(Duration.ofSeconds(5), () -> samples.size() >= input.size());
            }
        }
        assertThat(samples).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            assertThat(samples.get(i).isContact()).isEqualTo(input.get(i).contact());
            assertThat(samples.get(i).pressure()).isEqualTo(input.get(i).contact() ? 1 : 0);
            assertThat(samples.get(i).x()).isBetween(0, 4095);
        }
    }

    private List<InkPoint> replay(PadProtocol protocol, List<InkPoint> input, double rate) throws Exception {
        return replay(protocol, input, rate, 0, new DecodeCounts[1]);
    }

    private List<InkPoint> replay(PadProtocol protocol, List<InkPoint> input, double rate, int noise,
            DecodeCounts[] counts) throws Exception {
        List<PenSample> samples = new CopyOnWriteArrayList<>();
        try (PtyPair pty = PtyPair.start(dir.resolve("dev"), dir.resolve("host"));
                SimulatedPad sim = new SimulatedPad(protocol, pty.deviceEnd(), input, rate)) {
            sim.injectNoise(noise);
            sim.start();
            try (SignaturePad pad = Pads.create(protocol, pty.hostEnd().toString(), PadTestSupport.fastOptions())) {
                pad.addSampleListener(samples::add);
                pad.open();
                pad.start();
                assertThat(sim.awaitFinished(Duration.ofSeconds(20))).isTrue();
                assertThat(sim.failure()).isNull();
                eventually(Duration.ofSeconds(5), () -> samples.size() >= input.size());
                counts[0] = pad.decodeCounts();
                if (noise == 0) {
                    assertThat(counts[0].packetsGarbled()).isZero();
                }
            }
        }
        return InkPoint.fromSamples(samples);
    }
}
