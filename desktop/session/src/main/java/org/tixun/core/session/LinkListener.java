// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/**
 * Receives link state changes and messages. Messages arrive on the connection's reader thread, in order, before
 * they are acknowledged (an exception thrown here withholds the acknowledgement and drops the connection); state
 * changes and refusals arrive on the link event thread. Neither is the UI thread.
 */
public interface LinkListener {
    /** The link state changed. */
    default void onStateChanged(LinkStateEvent event) {
    }

    /** A message arrived; reliable messages arrive exactly once per session, in the sender's order. */
    default void onMessage(SessionMessage message) throws Exception {
    }

    /** A connection was refused (certificate, version, enrollment); the message is for the user. */
    default void onRefused(LinkRefusedException refusal) {
    }
}
