// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.signpad.decode.Chunking.hex;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

class StuReportDecoderTest {

    /** Contact, pressure 677, x 0x1234, y 0x0ABC. */
    static final byte[] GOLDEN_PEN_DATA = hex("01 92 A5 12 34 0A BC");
    /** The same with time count 0xFFF0 and sequence 0x0102. */
    static final byte[] GOLDEN_TIME_COUNT = hex("34 92 A5 12 34 0A BC FF F0 01 02");
    static final long MS = 1_000_000L;

    private final List<DecodedPen> out = new ArrayList<>();

    @Test
    void decodesGoldenPenDataWithoutDeviceTime() {
        StuReportDecoder d = new StuReportDecoder();
        d.report(GOLDEN_PEN_DATA, 0, GOLDEN_PEN_DATA.length, 0, out::add);
        assertThat(out).containsExactly(new DecodedPen(0x1234, 0x0ABC, 677, 0, 0, PenState.CONTACT, 0,
                PenSample.NO_DEVICE_TIME));
        assertThat(StuReportEncoder.penData(DecodedPen.of(0x1234, 0x0ABC, 677, PenState.CONTACT)))
                .isEqualTo(GOLDEN_PEN_DATA);
    }

    @Test
    void decodesGoldenTimeCountSequenceWithDeviceTime() {
        StuReportDecoder d = new StuReportDecoder();
        d.report(GOLDEN_TIME_COUNT, 0, GOLDEN_TIME_COUNT.length, 0, out::add);
        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.x()).isEqualTo(0x1234);
            assertThat(p.deviceNanos()).isEqualTo(0xFFF0 * MS);
        });
        assertThat(StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(0x1234, 0x0ABC, 677, PenState.CONTACT),
                0xFFF0, 0x0102)).isEqualTo(GOLDEN_TIME_COUNT);
    }

    @Test
    void unwrapsTheSixteenBitTimeCount() {
        StuReportDecoder d = new StuReportDecoder();
        long host = 0;
        for (int i = 0; i < 10; i++) {
            int tc = (0xFFF0 + i * 5) & 0xFFFF;
            byte[] r = StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(i, i, 1, PenState.HOVER), tc, i);
            d.report(r, 0, r.length, host, out::add);
            host += 5 * MS;
        }
        List<Long> times = out.stream().map(DecodedPen::deviceNanos).toList();
        assertThat(times).isSorted();
        assertThat(times.get(9) - times.get(0)).isEqualTo(45 * MS);
        assertThat(d.stats().snapshot().packetsLost()).isZero();
    }

    @Test
    void countsWholeWrapsHiddenByALongPenAwayPause() {
        StuReportDecoder d = new StuReportDecoder();
        byte[] a = StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(1, 1, 1, PenState.HOVER), 1000, 1);
        byte[] b = StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(1, 1, 1, PenState.HOVER), 1500, 2);
        d.report(a, 0, a.length, 0, out::add);
        // 2 wraps (131072 ms) plus 500 ms later by the host clock.
        d.report(b, 0, b.length, (131_072L + 500) * MS, out::add);
        assertThat(out.get(1).deviceNanos() - out.get(0).deviceNanos()).isEqualTo((131_072L + 500) * MS);
    }

    @Test
    void sequenceGapsAreCountedAsLostPackets() {
        StuReportDecoder d = new StuReportDecoder();
        int[] seqs = {0xFFFE, 0xFFFF, 0x0000, 0x0003, 0x0004};
        for (int s : seqs) {
            byte[] r = StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(1, 1, 1, PenState.HOVER), s, s);
            d.report(r, 0, r.length, 0, out::add);
        }
        assertThat(out).hasSize(5);
        assertThat(d.stats().snapshot().packetsLost()).isEqualTo(2);
    }

    @Test
    void repeatedSequenceIsTreatedAsDuplicate() {
        StuReportDecoder d = new StuReportDecoder();
        byte[] r = StuReportEncoder.penDataTimeCountSequence(DecodedPen.of(1, 1, 1, PenState.HOVER), 10, 7);
        d.report(r, 0, r.length, 0, out::add);
        d.report(r, 0, r.length, 0, out::add);
        assertThat(out).hasSize(1);
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
    }

    @Test
    void shortAndUnknownReportsAreCountedNotDecoded() {
        StuReportDecoder d = new StuReportDecoder();
        d.report(GOLDEN_PEN_DATA, 0, 4, 0, out::add);
        byte[] status = hex("03 00 00 00");
        d.report(status, 0, status.length, 0, out::add);
        assertThat(out).isEmpty();
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
        assertThat(d.stats().snapshot().packetsIgnored()).isEqualTo(1);
    }

    @Test
    void capabilityAndInformationReportsRoundTrip() {
        StuCapability c = new StuCapability(9600, 6000, 1023, 800, 480, 200, 2540, 1);
        byte[] bytes = c.encode();
        assertThat(bytes).startsWith(hex("09 25 80 17 70 03 FF 03 20 01 E0 C8 09 EC 01"));
        assertThat(StuCapability.parse(bytes, bytes.length)).isEqualTo(c);
        StuInformation i = new StuInformation("STU-540", 1, 4);
        byte[] ib = i.encode();
        assertThat(StuInformation.parse(ib, ib.length)).isEqualTo(i);
        assertThat(StuCapability.parse(ib, ib.length)).isNull();
    }
}
