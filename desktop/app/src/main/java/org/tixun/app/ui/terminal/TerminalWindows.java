// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Sizes of the terminal's windows under a window manager: the kiosk covers the whole screen; the demo's terminal
 * window takes the right part of the screen; neither is smaller than {@value #MIN_WIDTH}×{@value #MIN_HEIGHT} (or the
 * screen, if that is smaller), so the two columns of the session screen always fit.
 */
public final class TerminalWindows {
    /** Smallest width of a terminal window (logical pixels). */
    public static final double MIN_WIDTH = 800;
    /** Smallest height of a terminal window (logical pixels). */
    public static final double MIN_HEIGHT = 560;

    private TerminalWindows() {
    }

    /** Minimums within the screen: a window manager cannot shrink the window below what the screens need. */
    public static void minimums(Stage stage, Rectangle2D screen) {
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    /**
     * Gives a decorated window its size once it is shown. Under openbox (and on Xvfb) a window sized only by its
     * scene before {@code show()} is mapped at 200×200; a size set after showing holds. Within the screen, not below
     * the minimums.
     */
    public static void sizeShown(Stage stage, double width, double height, Rectangle2D screen) {
        minimums(stage, screen);
        stage.setWidth(Math.max(stage.getMinWidth(), Math.min(width, screen.getWidth())));
        stage.setHeight(Math.max(stage.getMinHeight(), Math.min(height, screen.getHeight())));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
    }

    /** The kiosk: the whole screen (also where no window manager honours full-screen requests). */
    public static void kiosk(Stage stage, Rectangle2D screen) {
        minimums(stage, screen);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    /**
     * Where the demo's terminal window goes on a screen's visual bounds: the right 42 % (at most 980 wide), at least
     * the minimum size, as tall as the screen allows up to 900.
     */
    public static Rectangle2D demoBounds(Rectangle2D visual) {
        double width = Math.min(visual.getWidth(), Math.max(MIN_WIDTH, Math.min(980, visual.getWidth() * 0.42)));
        double height = Math.min(visual.getHeight(), Math.max(MIN_HEIGHT, Math.min(900, visual.getHeight())));
        return new Rectangle2D(visual.getMaxX() - width, visual.getMinY(), width, height);
    }

    /** Places the demo's terminal window (call after it has a scene, before or after showing). */
    public static void demo(Stage stage, Rectangle2D visual) {
        Rectangle2D b = demoBounds(visual);
        minimums(stage, visual);
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }
}
