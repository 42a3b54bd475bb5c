// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Instant;
import org.tixun.core.i18n.Message;

/**
 * A change of link state, reported on the link's event thread.
 *
 * @param state the new state
 * @param sessionId the session, or null before the first hello on a terminal
 * @param detail why (Chinese then English, as the recording log keeps it), or empty
 * @param at when
 * @param reason why as a message, for the app to show in the reader's language; null when there is no detail
 */
public record LinkStateEvent(LinkState state, String sessionId, String detail, Instant at, Message reason) {
    /** An event whose detail is a text made elsewhere (shown half by half if worded 「中文 (English)」). */
    public LinkStateEvent(LinkState state, String sessionId, String detail, Instant at) {
        this(state, sessionId, detail, at, detail == null || detail.isBlank() ? null : Message.untranslated(detail));
    }

    /** On {@link LinkState#CONNECTED}: the peer's name from its hello; otherwise null. */
    public String peerName() {
        return state == LinkState.CONNECTED && reason != null && CONNECTED_KEY.equals(reason.key())
                && !reason.args().isEmpty() ? String.valueOf(reason.args().get(0)) : null;
    }

    /** The reason's key on connecting (its argument the peer's name). */
    static final String CONNECTED_KEY = "link.state.connected";

    /** An event whose reason is a message; its detail is the message 「中文 (English)」. */
    public static LinkStateEvent of(LinkState state, String sessionId, Message reason, Instant at) {
        return new LinkStateEvent(state, sessionId, reason == null ? "" : reason.bilingual(), at, reason);
    }
}
