// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import java.time.Instant;

/**
 * The part of the audio-video recording in which a signature happened (DOMAIN.md rule 12).
 *
 * @param segment recording segment file name
 * @param sha256 hex SHA-256 of that segment file
 * @param start start of the span
 * @param end end of the span
 */
public record RecordingSpan(String segment, String sha256, Instant start, Instant end) {
}
