// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

/** Told about a media connection's life; called on media threads, must return quickly. */
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
