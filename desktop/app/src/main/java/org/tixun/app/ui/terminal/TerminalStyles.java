// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import org.tixun.app.i18n.I18n;

/** Style classes of the terminal's screens (terminal.css) and the large-type button they share. */
final class TerminalStyles {
    /** The terminal's own stylesheet, added to each terminal root next to the app stylesheet. */
    static final String STYLESHEET = "/org/tixun/app/css/terminal.css";
    static final String SESSION = "terminal-session";
    static final String SIDE = "terminal-side";
    static final String RECORD = "terminal-record";
    static final String CARD = "terminal-card";
    static final String INSTRUCTION = "terminal-instruction";
    static final String PLACE = "terminal-place";
    static final String DETAIL = "terminal-detail";
    static final String MESSAGE = "terminal-message";
    static final String SENTENCE = "terminal-sentence";
    static final String BODY = "terminal-body";
    static final String BIG_BUTTON = "terminal-button";
    static final String PAGE_LABEL = "terminal-page-label";
    static final String READER = "terminal-reader";
    static final String BANNER = "terminal-banner";
    static final String WAITING = "terminal-waiting";
    static final String SIGNED = "terminal-signed";
    static final String SELF_TEST = "terminal-self-test";
    static final String VIDEO = "terminal-video";
    static final String COMPACT = "terminal-compact";

    private TerminalStyles() {
    }

    /** Adds the terminal stylesheet to {@code root} (once). */
    static void apply(Parent root) {
        String css = TerminalStyles.class.getResource(STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
    }

    /** Gives {@code root} the compact type sizes whenever it is shorter than {@code below} logical pixels. */
    static void compactWhenShort(javafx.scene.layout.Region root, double below) {
        root.heightProperty().addListener((o, a, h) -> {
            boolean compact = h.doubleValue() > 0 && h.doubleValue() < below;
            if (compact != root.getStyleClass().contains(COMPACT)) {
                if (compact) {
                    root.getStyleClass().add(COMPACT);
                } else {
                    root.getStyleClass().remove(COMPACT);
                }
            }
        });
    }

    /**
     * {@code content} centred in the space when it fits, scrolling when the screen is too small for it (a short or
     * scaled screen), never squeezed so that its labels are cut.
     */
    static javafx.scene.control.ScrollPane centredScroll(javafx.scene.Node content) {
        javafx.scene.layout.StackPane centred = new javafx.scene.layout.StackPane(content);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        centred.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        return scroll;
    }

    /** A large button labelled from the bundle; it never shrinks below its text. */
    static Button bigButton(I18n i18n, String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.getStyleClass().add(BIG_BUTTON);
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }
}
