// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.users;

/** Roles of local users; each mode of the app admits some of them. */
public enum Role {
    PROSECUTOR, RECORDER, TERMINAL_OFFICER, CLERK, ADMINISTRATOR;

    /** Whether this role may use the given mode of the app. */
    public boolean mayUse(AppMode mode) {
        if (this == ADMINISTRATOR) {
            return true;
        }
        return switch (mode) {
            case WORKSTATION -> this == PROSECUTOR || this == RECORDER;
            case TERMINAL -> this == TERMINAL_OFFICER;
            case ARCHIVE -> this == CLERK;
        };
    }
}
