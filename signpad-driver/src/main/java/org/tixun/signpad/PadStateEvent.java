// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

/**
 * A change of pad state.
 *
 * @param state     the new state
 * @param detail    human-readable cause (error message, attempt number), never null
 * @param hostNanos host monotonic time of the change
 */
public record PadStateEvent(PadState state, String detail, long hostNanos) {
}
