// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.topaz;

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

class TopazDecoderTest {

    /** x 3000, y 1500, tip down. */
    static final byte[] GOLDEN = hex("C1 38 17 5C 0B");

    @Test
    void decodesGoldenPacketAsTipOnly() {
        assertThat(Chunking.whole(new TopazDecoder(), GOLDEN)).containsExactly(
                new DecodedPen(3000, 1500, 1, 0, 0, PenState.CONTACT, 0, PenSample.NO_DEVICE_TIME));
    }

    @Test
    void encodesGoldenPacket() {
        assertThat(TopazEncoder.pen(DecodedPen.of(3000, 1500, 700, PenState.CONTACT))).isEqualTo(GOLDEN);
    }

    @Test
    void roundTripsCoordinatesAndTipInAnyChunking() {
        Random r = new Random(7);
        List<DecodedPen> pens = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            PenState s = PenState.values()[r.nextInt(3)];
            DecodedPen p = DecodedPen.of(r.nextInt(4096), r.nextInt(4096), s == PenState.CONTACT ? 1 : 0, s);
            pens.add(p);
            byte[] noise = new byte[r.nextInt(Topaz.PACKET_LENGTH)];
            r.nextBytes(noise);
            parts.add(noise);
            parts.add(TopazEncoder.pen(p));
        }
        byte[] stream = Chunking.concat(parts);
        assertThat(Chunking.byteAtATime(new TopazDecoder(), stream)).isEqualTo(pens);
        assertThat(Chunking.randomChunks(new TopazDecoder(), stream, 1)).isEqualTo(pens);
    }

    @Test
    void rejectsPacketWithBitsThatAreAlwaysClear() {
        TopazDecoder d = new TopazDecoder();
        assertThat(Chunking.whole(d, hex("C1 38 77 5C 0B"))).isEmpty();
        assertThat(d.stats().snapshot().packetsGarbled()).isEqualTo(1);
    }
}
