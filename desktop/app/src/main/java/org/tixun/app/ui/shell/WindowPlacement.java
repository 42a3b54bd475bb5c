// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.config.DataDir;

/**
 * Sizes of the app's windows: a sensible default and a minimum per kind of window, the size and place the user last
 * gave it remembered per operating-system user (a properties file beside the remembered data dir, e.g.
 * {@code ~/.config/tixun/windows.properties}; {@code -Dtixun.windows.file} overrides it), always kept on a screen.
 * Sizes are set explicitly before the window is shown, because some window managers (openbox) otherwise map a new
 * JavaFX window at 200×200.
 */
public final class WindowPlacement {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);
    /** Property naming the file (tests, several users on one account). */
    public static final String FILE_PROPERTY = "tixun.windows.file";
    /** The smallest window the app's screens are laid out for. */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;

    /** A kind of window: its key in the file, default and minimum size. */
    public enum Kind {
        CHOOSER(960, 640, MIN_WIDTH, MIN_HEIGHT),
        LOGIN(960, 680, MIN_WIDTH, MIN_HEIGHT),
        SETUP(980, 900, MIN_WIDTH, MIN_HEIGHT),
        WORKSTATION(1440, 900, 1024, 640),
        SESSION(1440, 900, 1024, 640),
        ARCHIVE(1440, 900, 1024, 640),
        TERMINALS(820, 640, MIN_WIDTH, MIN_HEIGHT),
        SETTINGS(820, 640, MIN_WIDTH, MIN_HEIGHT),
        PAGE_VIEWER(900, 900, MIN_WIDTH, MIN_HEIGHT),
        REPLAY(820, 600, MIN_WIDTH, MIN_HEIGHT),
        SIGNING(880, 600, MIN_WIDTH, MIN_HEIGHT);

        final double width;
        final double height;
        final double minWidth;
        final double minHeight;

        Kind(double width, double height, double minWidth, double minHeight) {
            this.width = width;
            this.height = height;
            this.minWidth = minWidth;
            this.minHeight = minHeight;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String KIND_KEY = "tixun.window.kind";
    private final Path file;
    private final Properties saved = new Properties();

    public WindowPlacement(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("window sizes in {} could not be read; using the defaults: {}", file, e.toString());
            }
        }
    }

    private static WindowPlacement shared;

    /** The one instance of this process (FX thread). */
    public static synchronized WindowPlacement shared() {
        if (shared == null) {
            shared = forUser();
        }
        return shared;
    }

    /** The file of this operating-system user (or {@code -Dtixun.windows.file}). */
    public static WindowPlacement forUser() {
        String override = System.getProperty(FILE_PROPERTY, "");
        return new WindowPlacement(override.isBlank() ? DataDir.pointerFile().resolveSibling("windows.properties")
                : Path.of(override));
    }

    /**
     * Gives {@code stage} its minimum, then the remembered size and place (or the default, centred), clamped to the
     * visible screen; remembers the size when the window is hidden. Call before {@code show()}.
     */
    public void apply(Stage stage, Kind kind) {
        Object before = stage.getProperties().get(KIND_KEY);
        if (before == kind) {
            return;
        }
        if (before instanceof Kind previous && stage.isShowing()) {
            remember(stage, previous);
        }
        stage.getProperties().put(KIND_KEY, kind);
        if (before == null) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
                if (stage.getProperties().get(KIND_KEY) instanceof Kind current) {
                    remember(stage, current);
                }
            });
            // JDK-8316423 (fixed in JavaFX 22): under some window managers (openbox, newer mutter) a new window is
            // mapped at 200×200 or its minimum whatever size was set. Set the size again once it is mapped.
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> reassert(stage));
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double minW = Math.min(kind.minWidth, screen.getWidth());
        double minH = Math.min(kind.minHeight, screen.getHeight());
        stage.setMinWidth(minW);
        stage.setMinHeight(minH);
        double w = number(kind, "width", kind.width);
        double h = number(kind, "height", kind.height);
        w = clamp(w, minW, screen.getWidth());
        h = clamp(h, minH, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        double x = number(kind, "x", Double.NaN);
        double y = number(kind, "y", Double.NaN);
        if (Double.isNaN(x) || Double.isNaN(y) || Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
            stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        } else {
            stage.setX(clamp(x, screen.getMinX(), screen.getMaxX() - w));
            stage.setY(clamp(y, screen.getMinY(), screen.getMaxY() - h));
        }
        if (Boolean.parseBoolean(saved.getProperty(kind.key() + ".maximized", "false"))) {
            stage.setMaximized(true);
        }
        if (!stage.isShowing()) {
            stage.getProperties().put(WANTED_KEY, new double[] {w, h, stage.getX(), stage.getY()});
        }
    }

    private static final String WANTED_KEY = "tixun.window.wanted";
    private static final String REASSERT_KEY = "tixun.window.reassert";

    /**
     * Puts a window at a given place and size (the demo's two windows side by side), kept once the window manager
     * has mapped it (JDK-8316423); not remembered.
     */
    public static void place(Stage stage, double x, double y, double width, double height) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.getProperties().put(WANTED_KEY, new double[] {width, height, x, y});
        if (stage.isShowing()) {
            reassert(stage);
        } else if (stage.getProperties().putIfAbsent(REASSERT_KEY, Boolean.TRUE) == null
                && !(stage.getProperties().get(KIND_KEY) instanceof Kind)) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> reassert(stage));
        }
    }

    private static void reassert(Stage stage) {
        if (!(stage.getProperties().get(WANTED_KEY) instanceof double[] wanted) || stage.isMaximized()
                || stage.isFullScreen()) {
            return;
        }
        Runnable again = () -> {
            if (Math.abs(stage.getWidth() - wanted[0]) > 1 || Math.abs(stage.getHeight() - wanted[1]) > 1) {
                stage.setWidth(wanted[0]);
                stage.setHeight(wanted[1]);
                stage.setX(wanted[2]);
                stage.setY(wanted[3]);
            }
        };
        javafx.application.Platform.runLater(again);
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(250));
        later.setOnFinished(e -> {
            again.run();
            stage.getProperties().remove(WANTED_KEY);
        });
        later.play();
    }

    /** The size a window of this kind would open at now (tests). */
    public double[] size(Kind kind) {
        return new double[] {number(kind, "width", kind.width), number(kind, "height", kind.height)};
    }

    /** Stores the window's current size and place. */
    public synchronized void remember(Stage stage, Kind kind) {
        if (stage.isFullScreen() || stage.isIconified()) {
            return;
        }
        saved.setProperty(kind.key() + ".maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            saved.setProperty(kind.key() + ".width", fmt(stage.getWidth()));
            saved.setProperty(kind.key() + ".height", fmt(stage.getHeight()));
            saved.setProperty(kind.key() + ".x", fmt(stage.getX()));
            saved.setProperty(kind.key() + ".y", fmt(stage.getY()));
        }
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                saved.store(out, "Tixun window sizes (per user)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("window sizes could not be saved to {}: {}", file, e.toString());
        }
    }

    private double number(Kind kind, String what, double fallback) {
        String v = saved.getProperty(kind.key() + "." + what);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
