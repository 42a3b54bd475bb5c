// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

/** AtlantaFX light/dark user-agent theme plus the app stylesheet of looked-up colours. */
public final class Theme {
    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public Theme() {
        dark.addListener((obs, was, isDark) -> apply());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the app stylesheet to a scene. */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("/org/tixun/app/css/tixun.css").toExternalForm());
    }
}
