// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tixun.signpad.topaz.TopazDecoder;

class TopazDecoderFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void arbitraryBytesNeverCrashAndDecodeTheSameInAnyChunking(byte[] data) {
        StreamInvariants.check(TopazDecoder::new, data, 0xFFF, 1);
    }
}
