// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.gui;

import javafx.application.Application;
import org.tixun.core.TixunException;

/** Starts the JavaFX application for a launch request and returns its exit code. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static int launch(LaunchRequest request) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (os.contains("linux") && !monocle && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new TixunException(TixunException.Exit.USAGE, "No display found (DISPLAY is not set). Start Tixun"
                    + " in a desktop session, or under a virtual display: xvfb-run ./tixun demo");
        }
        request.dataDir().ensureWritable();
        TixunApplication.prepare(request);
        Application.launch(TixunApplication.class);
        return TixunApplication.exitCode();
    }
}
