// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.evdev.EvdevDecoder;

class EvdevDecoderFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void arbitraryEventsNeverCrashAndDecodeTheSameInAnyChunking(byte[] data) {
        // Axis values are device-defined s32, so only chunking invariance and time sanity are checked.
        List<DecodedPen> whole = Chunking.whole(new EvdevDecoder(null), data);
        assertThat(Chunking.byteAtATime(new EvdevDecoder(null), data)).isEqualTo(whole);
        assertThat(Chunking.randomChunks(new EvdevDecoder(null), data, data.length)).isEqualTo(whole);
        assertThat(whole).allSatisfy(p -> assertThat(p.deviceNanos()).isNotNegative());
    }
}
