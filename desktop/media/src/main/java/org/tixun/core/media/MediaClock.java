// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.time.Instant;

/** Wall-clock time in microseconds since the epoch, the unit of every media time stamp. */
public final class MediaClock {
    private MediaClock() {
    }

    /** Now, in microseconds since the epoch. */
    public static long nowMicros() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    /** An instant for a microsecond time stamp. */
    public static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /**
     * Whether a time falls in the marker window of its second: the first {@code windowMicros} after each full
     * wall-clock second. The synthetic camera flashes and the tone source beeps in this window, so a recording or a
     * receiver can check audio/video sync.
     */
    public static boolean inMarker(long epochMicros, long windowMicros) {
        return Math.floorMod(epochMicros, 1_000_000L) < windowMicros;
    }
}
