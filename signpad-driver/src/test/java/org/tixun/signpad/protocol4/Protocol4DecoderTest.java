// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.protocol4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.signpad.decode.Chunking.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;

class Protocol4DecoderTest {

    /** x 40000, y 20000, pressure 201 (8 bits), tip + side button: worked out from the wacom_serial4 layout. */
    static final byte[] GOLDEN = hex("E2 38 40 1D 1C 20 24");
    static final DecodedPen GOLDEN_SAMPLE = new DecodedPen(40000, 20000, 201, 0, 0, PenState.CONTACT, 1,
            PenSample.NO_DEVICE_TIME);

    @Test
    void decodesGoldenStylusPacket() {
        assertThat(Chunking.whole(new Protocol4Decoder(1), GOLDEN)).containsExactly(GOLDEN_SAMPLE);
    }

    @Test
    void encodesGoldenStylusPacket() {
        assertThat(new Protocol4Encoder(1).pen(GOLDEN_SAMPLE)).isEqualTo(GOLDEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void roundTripsEveryPressureWidthInAnyChunking(int extraBits) {
        Random r = new Random(extraBits);
        Protocol4Encoder enc = new Protocol4Encoder(extraBits);
        List<DecodedPen> pens = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            PenState s = r.nextBoolean() ? PenState.CONTACT : PenState.HOVER;
            DecodedPen p = new DecodedPen(r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(1 << (7 + extraBits)), 0,
                    0, s, r.nextInt(8), PenSample.NO_DEVICE_TIME);
            pens.add(p);
            parts.add(enc.pen(p));
        }
        byte[] stream = Chunking.concat(parts);
        assertThat(Chunking.whole(new Protocol4Decoder(extraBits), stream)).isEqualTo(pens);
        assertThat(Chunking.byteAtATime(new Protocol4Decoder(extraBits), stream)).isEqualTo(pens);
        assertThat(Chunking.randomChunks(new Protocol4Decoder(extraBits), stream, 9)).isEqualTo(pens);
    }

    @Test
    void collectsAsciiRepliesBetweenPacketsAndParsesThem() {
        byte[] model = "~#UD-1212-R00 V1.3-5\r".getBytes(StandardCharsets.US_ASCII);
        byte[] config = "~RE202C900,002,02,1270,1270\r".getBytes(StandardCharsets.US_ASCII);
        byte[] coords = "~C15240,15240\r".getBytes(StandardCharsets.US_ASCII);
        Protocol4Decoder d = new Protocol4Decoder(1);
        List<DecodedPen> pens = Chunking.byteAtATime(d, Chunking.concat(List.of(model, GOLDEN, config, coords)));
        assertThat(pens).containsExactly(GOLDEN_SAMPLE);
        List<String> replies = d.takeReplies();
        assertThat(replies).containsExactly("~#UD-1212-R00 V1.3-5", "~RE202C900,002,02,1270,1270", "~C15240,15240");
        assertThat(Protocol4Decoder.parseMaxCoordinates(replies.get(2))).containsExactly(15240, 15240);
        assertThat(Protocol4Decoder.parseResolution(replies.get(1))).containsExactly(1270, 1270);
    }

    @Test
    void noiseBetweenPacketsLosesOnlyTheNoise() {
        Random r = new Random(5);
        List<byte[]> parts = new ArrayList<>();
        int n = 200;
        for (int i = 0; i < n; i++) {
            byte[] noise = new byte[r.nextInt(Protocol4.PACKET_LENGTH)];
            r.nextBytes(noise);
            parts.add(noise);
            parts.add(GOLDEN);
        }
        Protocol4Decoder d = new Protocol4Decoder(1);
        assertThat(Chunking.randomChunks(d, Chunking.concat(parts), 6)).hasSize(n).containsOnly(GOLDEN_SAMPLE);
    }

    @Test
    void puckPacketsAreIgnored() {
        byte[] puck = hex("C2 38 40 1D 1C 20 24");
        Protocol4Decoder d = new Protocol4Decoder(1);
        assertThat(Chunking.whole(d, puck)).isEmpty();
        assertThat(d.stats().snapshot().packetsIgnored()).isEqualTo(1);
    }
}
