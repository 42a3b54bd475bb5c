// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** The state of the link as shown to the user. */
public enum LinkState {
    /** First attempt (workstation dialling, terminal listening). */
    CONNECTING,
    /** TLS up and the session hello exchanged. */
    CONNECTED,
    /** The connection dropped or went silent past the loss timeout. */
    LOST,
    /** Trying again (workstation with back-off; terminal listening for the workstation to come back). */
    RECONNECTING,
    /** Closed on purpose, or refused for a reason a person must fix. */
    CLOSED
}
