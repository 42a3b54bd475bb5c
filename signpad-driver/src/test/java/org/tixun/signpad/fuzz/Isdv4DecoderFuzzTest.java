// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tixun.signpad.isdv4.Isdv4Decoder;

class Isdv4DecoderFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void arbitraryBytesNeverCrashAndDecodeTheSameInAnyChunking(byte[] data) {
        StreamInvariants.check(Isdv4Decoder::new, data, 0xFFFF, 0x3FF);
    }
}
