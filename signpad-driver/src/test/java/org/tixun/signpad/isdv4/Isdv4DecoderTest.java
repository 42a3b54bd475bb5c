// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.isdv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.signpad.decode.Chunking.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

class Isdv4DecoderTest {

    /** x 4663, y 2749, pressure 677, tip + side button, tilt 5/9: worked out by hand from the w8001 layout. */
    static final byte[] GOLDEN_PEN = hex("A3 09 0D 05 2F 25 6D 05 09");
    static final DecodedPen GOLDEN_SAMPLE = new DecodedPen(4663, 2749, 677, 5, 9, PenState.CONTACT, 1,
            PenSample.NO_DEVICE_TIME);
    /** max 26202 x 16325, pressure 1023, no tilt, firmware 10. */
    static final byte[] GOLDEN_QUERY = hex("C0 33 16 1F 71 7F 4F 00 00 00 0A");

    @Test
    void decodesGoldenPenPacket() {
        assertThat(Chunking.whole(new Isdv4Decoder(), GOLDEN_PEN)).containsExactly(GOLDEN_SAMPLE);
    }

    @Test
    void encodesGoldenPenPacket() {
        assertThat(Isdv4Encoder.pen(GOLDEN_SAMPLE)).isEqualTo(GOLDEN_PEN);
    }

    @Test
    void decodesGoldenQueryReplyIntoCapabilities() {
        Isdv4Decoder d = new Isdv4Decoder();
        assertThat(Chunking.whole(d, GOLDEN_QUERY)).isEmpty();
        assertThat(d.capabilities()).isEqualTo(new Isdv4Capabilities(26202, 16325, 1023, 0, 0, 10));
        assertThat(Isdv4Encoder.queryReply(d.capabilities())).isEqualTo(GOLDEN_QUERY);
    }

    @Test
    void hoverAndOutOfProximityAreDistinguished() {
        byte[] hover = hex("A0 09 0D 05 2F 00 60 00 00");
        byte[] out = hex("80 09 0D 05 2F 00 60 00 00");
        List<DecodedPen> got = Chunking.whole(new Isdv4Decoder(), Chunking.concat(List.of(hover, out)));
        assertThat(got).extracting(DecodedPen::state).containsExactly(PenState.HOVER, PenState.OUT);
    }

    @Test
    void roundTripsRandomSamplesWholeByteAtATimeAndInRandomChunks() {
        List<DecodedPen> pens = randomPens(500, 1);
        byte[] stream = encode(pens);
        assertThat(Chunking.whole(new Isdv4Decoder(), stream)).isEqualTo(pens);
        assertThat(Chunking.byteAtATime(new Isdv4Decoder(), stream)).isEqualTo(pens);
        for (long seed = 0; seed < 5; seed++) {
            assertThat(Chunking.randomChunks(new Isdv4Decoder(), stream, seed)).isEqualTo(pens);
        }
    }

    @Test
    void noiseBetweenPacketsLosesOnlyTheNoise() {
        List<DecodedPen> pens = randomPens(300, 2);
        Random r = new Random(3);
        List<byte[]> parts = new ArrayList<>();
        int noiseBytes = 0;
        for (DecodedPen p : pens) {
            // Bursts shorter than a packet: with a sync byte in them they can only form a cut-short packet.
            byte[] noise = new byte[r.nextInt(Isdv4.PEN_PACKET_LENGTH)];
            r.nextBytes(noise);
            noiseBytes += noise.length;
            parts.add(noise);
            parts.add(Isdv4Encoder.pen(p));
        }
        Isdv4Decoder d = new Isdv4Decoder();
        assertThat(Chunking.randomChunks(d, Chunking.concat(parts), 4)).isEqualTo(pens);
        assertThat(d.stats().snapshot().bytesDropped()).isLessThanOrEqualTo(noiseBytes);
        assertThat(d.stats().snapshot().packetsOk()).isEqualTo(pens.size());
    }

    @Test
    void packetCutShortBySyncByteIsCountedGarbled() {
        byte[] cut = hex("A3 09 0D 05");
        Isdv4Decoder d = new Isdv4Decoder();
        assertThat(Chunking.whole(d, Chunking.concat(List.of(cut, GOLDEN_PEN)))).containsExactly(GOLDEN_SAMPLE);
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
        assertThat(d.stats().snapshot().bytesDropped()).isEqualTo(4);
    }

    @Test
    void touchPacketsAreSkippedAndCountedIgnored() {
        byte[] touch = hex("91 10 20 30 40");
        Isdv4Decoder d = new Isdv4Decoder();
        assertThat(Chunking.whole(d, Chunking.concat(List.of(touch, GOLDEN_PEN)))).containsExactly(GOLDEN_SAMPLE);
        assertThat(d.stats().snapshot().packetsIgnored()).isEqualTo(1);
        assertThat(d.stats().snapshot().packetsGarbled()).isZero();
    }

    @Test
    void rejectsPacketsBeyondTheQueriedMaxima() {
        Isdv4Decoder d = new Isdv4Decoder();
        d.limits(new Isdv4Capabilities(4000, 4000, 1023, 0, 0, 1));
        assertThat(Chunking.whole(d, GOLDEN_PEN)).isEmpty();
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
    }

    static List<DecodedPen> randomPens(int n, long seed) {
        Random r = new Random(seed);
        List<DecodedPen> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PenState s = PenState.values()[r.nextInt(3)];
            out.add(new DecodedPen(r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x400), r.nextInt(0x80),
                    r.nextInt(0x80), s, r.nextInt(4), PenSample.NO_DEVICE_TIME));
        }
        return out;
    }

    static byte[] encode(List<DecodedPen> pens) {
        byte[] out = new byte[pens.size() * Isdv4.PEN_PACKET_LENGTH];
        for (int i = 0; i < pens.size(); i++) {
            Isdv4Encoder.pen(pens.get(i), out, i * Isdv4.PEN_PACKET_LENGTH);
        }
        return out;
    }
}
