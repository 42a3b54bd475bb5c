// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;

/**
 * The camera snapshot taken of a signer at pen-down and at completion (JPEG). Until the media package's camera is
 * wired in, {@link #synthetic()} gives the generated photos the headless demo uses.
 */
public interface PhotoSource {
    /** A JPEG of the signer now. */
    byte[] snapshot() throws IOException;

    /** The generated sample photos of {@code SampleRecord}. */
    static PhotoSource synthetic() {
        int[] n = {0};
        return () -> org.tixun.core.evidence.sample.SampleRecord.photo(3 + (n[0]++ % 4));
    }
}
