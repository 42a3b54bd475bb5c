// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

/**
 * One straight piece of ink between two consecutive pen-down samples, in box coordinates (origin top-left, y down).
 *
 * @param x1 start x
 * @param y1 start y
 * @param x2 end x
 * @param y2 end y
 * @param width stroke width from the pressure of both ends
 * @param tMillis time of the end sample since the event started
 * @param strokeIndex which pen-down stroke of the event this belongs to
 */
public record InkSegment(float x1, float y1, float x2, float y2, float width, long tMillis, int strokeIndex) {
}
