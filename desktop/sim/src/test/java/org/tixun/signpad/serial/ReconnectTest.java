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
import org.tixun.signpad.PadState;
import org.tixun.signpad.PadStateEvent;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.pads.Pads;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.Signatures;
import org.tixun.signpad.sim.SimulatedPad;

class ReconnectTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void socat() {
        PadTestSupport.requireSocat();
    }

    @Test
    void padReportsLossReopensWhenThePtyReturnsAndKeepsEarlierSamples() throws Exception {
        List<InkPoint> all = Signatures.load("tian-li.csv", dir);
        List<InkPoint> before = all.subList(0, 150);
        List<InkPoint> after = all.subList(150, 300);
        Path dev = dir.resolve("dev");
        Path host = dir.resolve("host");
        List<PenSample> samples = new CopyOnWriteArrayList<>();
        List<PadStateEvent> states = new CopyOnWriteArrayList<>();
        PtyPair first = PtyPair.start(dev, host);
        SimulatedPad sim1 = new SimulatedPad(PadProtocol.ISDV4, dev, before, 1000);
        sim1.start();
        try (SignaturePad pad = Pads.create(PadProtocol.ISDV4, host.toString(), PadTestSupport.fastOptions())) {
            pad.addSampleListener(samples::add);
            pad.addStateListener(states::add);
            pad.open();
            pad.start();
            assertThat(sim1.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(eventually(Duration.ofSeconds(5), () -> samples.size() == before.size())).isTrue();

            sim1.close();
            first.close();
            assertThat(eventually(Duration.ofSeconds(5), () -> pad.state() == PadState.RECONNECTING)).isTrue();
            Thread.sleep(300);

            try (PtyPair second = PtyPair.start(dev, host);
                    SimulatedPad sim2 = new SimulatedPad(PadProtocol.ISDV4, dev, after, 1000)) {
                assertThat(second.isAlive()).isTrue();
                sim2.start();
                assertThat(eventually(Duration.ofSeconds(10), () -> samples.size() == all.subList(0, 300).size()))
                        .as("samples after reconnect; states %s", states).isTrue();
                assertThat(sim2.commandsSeen()).as("host repeats the handshake and restarts").containsSubsequence(
                        "0", "*", "1");
            }
        }
        List<InkPoint> got = InkPoint.fromSamples(samples);
        for (int i = 0; i < 300; i++) {
            assertThat(got.get(i).x()).isEqualTo(all.get(i).x());
            assertThat(got.get(i).y()).isEqualTo(all.get(i).y());
        }
        assertThat(states).extracting(PadStateEvent::state).containsSubsequence(PadState.CONNECTED, PadState.STARTED,
                PadState.LOST, PadState.RECONNECTING, PadState.CONNECTED, PadState.CLOSED);
        assertThat(samples).extracting(PenSample::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(samples).extracting(PenSample::hostNanos).isSorted();
    }
}
