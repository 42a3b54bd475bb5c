// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.core.i18n.Message;

/**
 * Told about a media connection's life; called on media threads, must return quickly. The media classes call the
 * {@link Message} methods; by default they pass the sentence on 「中文 (English)」 to the {@code String} ones, so a
 * listener that shows it to a person overrides the {@code Message} methods and resolves it in the user's language.
 */
public interface MediaCallListener {
    /** A media connection is up (both directions started). */
    void connected(String detail);

    /**
     * The media connection ended without being closed on purpose (network, peer, encoder or decoder failure). The
     * workstation's caller decides whether and when to redial; the terminal waits for the next connection.
     *
     * @param reason a sentence (Chinese, then English)
     * @param cause the failure, or null if the peer ended its stream
     */
    void lost(String reason, Throwable cause);

    /** A media connection is up; {@code detail} says with whom. */
    default void connected(Message detail) {
        connected(detail.bilingual());
    }

    /** As {@link #lost(String, Throwable)}, the reason as a message. */
    default void lost(Message reason, Throwable cause) {
        lost(reason.bilingual(), cause);
    }

    /** A listener that only logs (the call logs anyway). */
    MediaCallListener NONE = new MediaCallListener() {
        @Override
        public void connected(String detail) {
        }

        @Override
        public void lost(String reason, Throwable cause) {
        }
    };
}
