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

    /** Host CJK families the stylesheet names (the .deb depends on fonts-noto-cjk or a WenQuanYi font). */
    private static final java.util.List<String> CJK_FAMILIES = java.util.List.of("Noto Sans CJK SC", "Noto Sans SC",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Microsoft YaHei", "PingFang SC",
            "Source Han Sans SC", "Noto Serif SC");

    /**
     * Makes sure Chinese text renders without host fonts: if the host has none of the usual CJK
     * families, loads the document font shipped in the templates module (the stylesheet lists it last).
     */
    public static void ensureCjkFont() {
        java.util.List<String> families = javafx.scene.text.Font.getFamilies();
        if (CJK_FAMILIES.stream().noneMatch(families::contains)) {
            try (var in = org.tixun.templates.DocumentFonts.class.getResourceAsStream("/fonts/NotoSerifSC-Regular.ttf")) {
                if (in == null || javafx.scene.text.Font.loadFont(in, 13) == null) {
                    org.slf4j.LoggerFactory.getLogger(Theme.class).warn("No CJK font on this host and the shipped"
                            + " font could not be loaded: Chinese text may not display");
                }
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(Theme.class).warn("Cannot read the shipped CJK font: {}", e.toString());
            }
        }
    }

    /** Adds the app stylesheet to a scene. */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("/org/tixun/app/css/tixun.css").toExternalForm());
    }
}
