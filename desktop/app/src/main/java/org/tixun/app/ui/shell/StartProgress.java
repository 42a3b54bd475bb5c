// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

/** What start-up shows while it works: how far along it is; closed when the first screen is up or start-up fails. */
public interface StartProgress {
    /** Says what is being done and how far along start-up is (0..1); any thread. */
    void step(double fraction, String key);

    /** Closes it (FX thread). */
    void close();
}
