// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

/** Life-cycle states a pad reports to its state listeners. */
public enum PadState {
    /** The link is open and the pad answered its handshake. */
    CONNECTED,
    /** The pad was asked to send samples. */
    STARTED,
    /** The pad was asked to stop sending samples. */
    STOPPED,
    /** The link failed (unplugged, pty gone); samples received so far are kept. */
    LOST,
    /** An attempt to reopen the link is under way. */
    RECONNECTING,
    /** The pad was closed by the host. */
    CLOSED
}
