// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Instant;

/**
 * A change of link state, reported on the link's event thread.
 *
 * @param state the new state
 * @param sessionId the session, or null before the first hello on a terminal
 * @param detail why (Chinese then English), or empty
 * @param at when
 */
public record LinkStateEvent(LinkState state, String sessionId, String detail, Instant at) {
}
