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
     * The system property naming a directory that holds the shipped CJK font as a plain file (the app-image sets it to
     * its {@code lib/app/fonts}): JavaFX loads a file in place, while a font from the class path is first copied to a
     * temporary file (15 MB at every start on a host without a CJK font).
     */
    public static final String FONT_DIR_PROPERTY = "tixun.fontDir";

    static final String SHIPPED_FONT = "NotoSerifSC-Regular.ttf";

    /**
     * Makes sure Chinese text renders without host fonts: if the host has none of the usual CJK
     * families, loads the document font shipped with the installation (see {@link #FONT_DIR_PROPERTY}) or, without one,
     * from the templates module (the stylesheet lists it last).
     */
    public static void ensureCjkFont() {
        java.util.List<String> families = javafx.scene.text.Font.getFamilies();
        if (CJK_FAMILIES.stream().noneMatch(families::contains)) {
            long t0 = System.nanoTime();
            FontSource source = loadShippedFont(System.getProperty(FONT_DIR_PROPERTY));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            org.slf4j.LoggerFactory.getLogger(Theme.class).info("No host CJK font: the shipped one loaded from {} in {} ms",
                    source, ms);
        }
    }

    /** Where the shipped CJK font was loaded from. */
    enum FontSource { INSTALLATION_FILE, CLASS_PATH, NONE }

    /** Loads the shipped CJK font from {@code fontDir} when it holds it, else from the class path. */
    static FontSource loadShippedFont(String fontDir) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Theme.class);
        if (fontDir != null && !fontDir.isBlank()) {
            java.nio.file.Path file = java.nio.file.Path.of(fontDir, SHIPPED_FONT);
            if (java.nio.file.Files.isRegularFile(file)
                    && javafx.scene.text.Font.loadFont(file.toUri().toString(), 13) != null) {
                return FontSource.INSTALLATION_FILE;
            }
            log.warn("The installation's font {} is missing or unreadable; loading the copy in the application", file);
        }
        try (var in = org.tixun.templates.DocumentFonts.class.getResourceAsStream("/fonts/" + SHIPPED_FONT)) {
            if (in != null && javafx.scene.text.Font.loadFont(in, 13) != null) {
                return FontSource.CLASS_PATH;
            }
            log.warn("No CJK font on this host and the shipped font could not be loaded: Chinese text may not display");
        } catch (java.io.IOException e) {
            log.warn("Cannot read the shipped CJK font: {}", e.toString());
        }
        return FontSource.NONE;
    }

    /** Adds the app stylesheet to a scene. */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("/org/tixun/app/css/tixun.css").toExternalForm());
    }
}
