// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Shows a page image as wide as its scroll pane: the whole page, or with larger text only the text column (the side
 * margins cut off, so the same width carries bigger letters); and scrolls to the part that matters.
 */
final class PageFit {
    private PageFit() {
    }

    /** Keeps {@code view} fitted to {@code scroll}'s width, following the larger-text choice. */
    static void fit(ImageView view, ScrollPane scroll, BooleanProperty largeText) {
        view.setPreserveRatio(true);
        view.setSmooth(true);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> refit(view, scroll, largeText.get()));
        largeText.addListener((o, a, on) -> refit(view, scroll, on));
    }

    /** Fits the current image now. */
    static void refit(ImageView view, ScrollPane scroll, boolean largeText) {
        Image img = view.getImage();
        if (img == null) {
            return;
        }
        double w = img.getWidth();
        view.setViewport(largeText ? new Rectangle2D(w * TerminalSessionView.TEXT_COLUMN_LEFT, 0,
                w * TerminalSessionView.TEXT_COLUMN_WIDTH, img.getHeight()) : null);
        double width = scroll.getViewportBounds().getWidth();
        view.setFitWidth(width > 0 ? width : scroll.getWidth());
    }

    /** Height of the image as shown. */
    private static double shownHeight(ImageView view) {
        Image img = view.getImage();
        Rectangle2D vp = view.getViewport();
        double shownWidth = vp != null ? vp.getWidth() : img.getWidth();
        return img.getHeight() * view.getFitWidth() / shownWidth;
    }

    /**
     * Scrolls the live page so the paragraph being typed stays in view: its end about two thirds down the viewport
     * (the lines above it, being read, stay visible). Unknown cursor: the scroll position is left as it is.
     */
    static void follow(ScrollPane scroll, ImageView view, double cursorY) {
        if (cursorY < 0 || view.getImage() == null) {
            return;
        }
        scroll.layout();
        scroll.setVvalue(scrollFor(cursorY, shownHeight(view), scroll.getViewportBounds().getHeight()));
    }

    /** Scrolls so the band from {@code top} to {@code top + height} (fractions of the page) is centred. */
    static void reveal(ScrollPane scroll, ImageView view, double top, double height) {
        if (view.getImage() == null) {
            return;
        }
        scroll.layout();
        double content = shownHeight(view);
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= viewport || viewport <= 0) {
            scroll.setVvalue(0);
            return;
        }
        double wanted = (top + height / 2) * content - viewport / 2;
        scroll.setVvalue(Math.max(0, Math.min(1, wanted / (content - viewport))));
    }

    /** The ScrollPane vvalue (0 to 1) that puts {@code cursorY} of a {@code content}-high image 2/3 down a viewport. */
    static double scrollFor(double cursorY, double content, double viewport) {
        if (content <= viewport || viewport <= 0) {
            return 0;
        }
        double top = cursorY * content - viewport * 2 / 3;
        return Math.max(0, Math.min(1, top / (content - viewport)));
    }
}
