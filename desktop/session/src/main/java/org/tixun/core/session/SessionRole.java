// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** Which end of the link a program is: the workstation dials, the terminal listens. */
public enum SessionRole {
    WORKSTATION("工作站", "workstation"),
    TERMINAL("终端", "terminal");

    private final String zh;
    private final String en;

    SessionRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The role in Chinese, for messages. */
    public String zh() {
        return zh;
    }

    /** The role in English, for messages. */
    public String en() {
        return en;
    }

    /** The other end. */
    public SessionRole peer() {
        return this == WORKSTATION ? TERMINAL : WORKSTATION;
    }
}
