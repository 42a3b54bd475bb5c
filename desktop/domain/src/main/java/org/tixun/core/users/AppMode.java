// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.users;

/** The three modes of the desktop app. */
public enum AppMode {
    WORKSTATION, TERMINAL, ARCHIVE
}
