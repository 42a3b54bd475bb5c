// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tixun.signpad.protocol4.Protocol4Decoder;

class Protocol4DecoderFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void arbitraryBytesNeverCrashAndDecodeTheSameInAnyChunking(byte[] data) {
        StreamInvariants.check(() -> new Protocol4Decoder(2), data, 0xFFFF, 0x1FF);
    }
}
