// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/**
 * Which end of the link a program is: the workstation dials, the terminal listens. As a message argument it reads
 * 工作站/终端 or workstation/terminal (labels in the session bundle).
 */
public enum SessionRole {
    WORKSTATION,
    TERMINAL;

    /** The other end. */
    public SessionRole peer() {
        return this == WORKSTATION ? TERMINAL : WORKSTATION;
    }
}
