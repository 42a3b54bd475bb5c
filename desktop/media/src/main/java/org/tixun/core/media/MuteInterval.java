// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A span during which the prosecutor's microphone was privately muted: the terminal received silence.
 *
 * @param start when muting began
 * @param end when it ended
 */
public record MuteInterval(Instant start, Instant end) {
    public MuteInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end before start");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
