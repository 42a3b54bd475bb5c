// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.session.flow.PhotoSource;

/** The demo's generated signer photos ({@link SampleRecord#photo(int)}), for sessions run without a camera. */
public final class DemoPhotos {
    private DemoPhotos() {
    }

    /** Cycles through the generated sample photos. */
    public static PhotoSource source() {
        int[] n = {0};
        return () -> SampleRecord.photo(3 + (n[0]++ % 4));
    }
}
