// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.gui;

import java.util.Locale;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.AppMode;

/** What the command line asked the GUI to open: a mode (or the chooser), the demo, a data dir, a language. */
public record LaunchRequest(AppMode mode, boolean demo, DataDir dataDir, Locale locale) {
}
