// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import java.time.Instant;

/**
 * The clocks of one signature event.
 *
 * @param hostStart host wall clock at pen-down
 * @param hostEnd host wall clock at completion
 * @param monotonicStartNanos host monotonic clock at pen-down
 * @param monotonicEndNanos host monotonic clock at completion
 * @param padStartMicros pad clock at pen-down (0 if the pad has none)
 * @param padEndMicros pad clock at completion
 * @param rfc3161Token DER time-stamp token over the event's strokes taken at completion, or null if none
 */
public record EventTimes(Instant hostStart, Instant hostEnd, long monotonicStartNanos, long monotonicEndNanos,
        long padStartMicros, long padEndMicros, byte[] rfc3161Token) {
}
