// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.signpad.decode.Chunking.hex;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenState;

class EvdevDecoderTest {

    @Test
    void decodesGoldenEventFrame() {
        // t = 1.5 s: ABS_X 0x1234, BTN_TOOL_PEN 1, SYN_REPORT.
        byte[] frame = hex("01 00 00 00 00 00 00 00 20 A1 07 00 00 00 00 00 03 00 00 00 34 12 00 00 "
                + "01 00 00 00 00 00 00 00 20 A1 07 00 00 00 00 00 01 00 40 01 01 00 00 00 "
                + "01 00 00 00 00 00 00 00 20 A1 07 00 00 00 00 00 00 00 00 00 00 00 00 00");
        List<DecodedPen> got = Chunking.whole(new EvdevDecoder(null), frame);
        assertThat(got).containsExactly(new DecodedPen(0x1234, 0, 0, 0, 0, PenState.HOVER, 0, 1_500_000_000L));
    }

    @Test
    void recordedPenStreamFixtureDecodesToItsSamples() throws IOException {
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("pen-stroke.evdev")) {
            assertThat(in).as("fixture pen-stroke.evdev").isNotNull();
            fixture = in.readAllBytes();
        }
        assertThat(fixture.length % Evdev.EVENT_SIZE).isZero();
        List<DecodedPen> got = Chunking.randomChunks(new EvdevDecoder(null), fixture, 11);
        assertThat(got).isEqualTo(EvdevFixtures.penStroke());
        assertThat(got.get(0).state()).isEqualTo(PenState.HOVER);
        assertThat(got.get(got.size() - 1).state()).isEqualTo(PenState.OUT);
        assertThat(got).extracting(DecodedPen::deviceNanos).isSorted();
    }

    @Test
    void encoderWritesOnlyChangedValuesLikeTheKernel() {
        List<DecodedPen> pens = EvdevFixtures.penStroke();
        byte[] stream = EvdevFixtures.encode(pens);
        int frames = pens.size();
        int fullFrameEvents = 10;
        assertThat(stream.length / Evdev.EVENT_SIZE).isLessThan(frames * fullFrameEvents);
        assertThat(Chunking.byteAtATime(new EvdevDecoder(null), stream)).isEqualTo(pens);
    }

    @Test
    void synDroppedDiscardsUntilSynReportThenResyncsFromDeviceState() {
        EvdevEncoder e = new EvdevEncoder();
        e.pen(new DecodedPen(100, 200, 0, 0, 0, PenState.HOVER, 0, 0), 1000);
        e.dropped(2000);
        e.event(2000, Evdev.EV_ABS, Evdev.ABS_X, 999_999);
        e.event(2000, Evdev.EV_SYN, Evdev.SYN_REPORT, 0);
        e.forget();
        e.pen(new DecodedPen(400, 500, 60, 0, 0, PenState.CONTACT, 0, 0), 3000);
        Map<Integer, Integer> abs = Map.of(Evdev.ABS_X, 300, Evdev.ABS_Y, 350, Evdev.ABS_PRESSURE, 40);
        EvdevState state = new EvdevState() {
            @Override
            public AbsInfo abs(int axis) {
                Integer v = abs.get(axis);
                return v == null ? null : new AbsInfo(v, 0, 1000, 0, 0, 10);
            }

            @Override
            public boolean key(int code) {
                return code == Evdev.BTN_TOOL_PEN || code == Evdev.BTN_TOUCH;
            }
        };
        EvdevDecoder d = new EvdevDecoder(state);
        List<DecodedPen> got = Chunking.whole(d, e.toByteArray());
        assertThat(got).extracting(DecodedPen::x).containsExactly(100, 300, 400);
        assertThat(got.get(1).state()).isEqualTo(PenState.CONTACT);
        assertThat(got.get(1).pressure()).isEqualTo(40);
        assertThat(d.stats().snapshot().packetsLost()).isEqualTo(1);
    }

    @Test
    void withoutDeviceStateTheDroppedFrameIsSkipped() {
        EvdevEncoder e = new EvdevEncoder();
        e.pen(new DecodedPen(100, 200, 0, 0, 0, PenState.HOVER, 0, 0), 1000);
        e.dropped(2000);
        e.event(2000, Evdev.EV_ABS, Evdev.ABS_X, 999_999);
        e.event(2000, Evdev.EV_SYN, Evdev.SYN_REPORT, 0);
        e.forget();
        e.pen(new DecodedPen(400, 500, 60, 0, 0, PenState.CONTACT, 0, 0), 3000);
        List<DecodedPen> got = Chunking.whole(new EvdevDecoder(null), e.toByteArray());
        assertThat(got).extracting(DecodedPen::x).containsExactly(100, 400);
    }

    @Test
    void eventsWithImpossibleTypesAreCountedGarbled() {
        byte[] bad = new byte[Evdev.EVENT_SIZE];
        bad[16] = (byte) 0x7F;
        EvdevDecoder d = new EvdevDecoder(null);
        assertThat(Chunking.whole(d, bad)).isEmpty();
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
    }
}
