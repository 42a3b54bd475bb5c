// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.model.DecodeCounts;

/** What must hold for any byte stream fed to any stream decoder. */
final class StreamInvariants {

    private StreamInvariants() {
    }

    /** Decodes {@code data} whole, byte by byte and in random chunks; all three must agree and stay in range. */
    static List<DecodedPen> check(Supplier<StreamDecoder> decoders, byte[] data, int maxXy, int maxPressure) {
        StreamDecoder whole = decoders.get();
        List<DecodedPen> a = Chunking.whole(whole, data);
        List<DecodedPen> b = Chunking.byteAtATime(decoders.get(), data);
        List<DecodedPen> c = Chunking.randomChunks(decoders.get(), data, data.length);
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
        for (DecodedPen p : a) {
            assertThat(p.x()).isBetween(0, maxXy);
            assertThat(p.y()).isBetween(0, maxXy);
            assertThat(p.pressure()).isBetween(0, maxPressure);
            assertThat(p.state()).isNotNull();
        }
        DecodeCounts counts = whole.stats().snapshot();
        assertThat(counts.bytesDropped()).isBetween(0L, (long) data.length);
        assertThat(counts.packetsOk()).isGreaterThanOrEqualTo(a.size());
        return a;
    }
}
