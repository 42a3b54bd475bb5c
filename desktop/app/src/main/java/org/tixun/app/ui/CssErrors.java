// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches what JavaFX says about the stylesheets (its {@code javafx.css} logger: parse errors, values that cannot be
 * converted, unresolved looked-up colours), writes it to the app's log and keeps it so tests and the screenshot suite
 * can require none.
 */
public final class CssErrors {
    private static final Logger LOG = LoggerFactory.getLogger(CssErrors.class);
    /** Held here: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger CSS = java.util.logging.Logger.getLogger("javafx.css");
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private CssErrors() {
    }

    /** Starts listening (idempotent; before the first scene is styled). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        CSS.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() < Level.WARNING.intValue()) {
                    return;
                }
                String text = r.getMessage();
                if (r.getParameters() != null && text != null) {
                    text = java.text.MessageFormat.format(text, r.getParameters());
                }
                SEEN.add(text);
                LOG.warn("stylesheet problem: {}", text);
                if (SEEN.size() <= 5) {
                    locate(text);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("from rule '\\*\\.([\\w-]+)'");

    /** Logs where the nodes of the failing rule are (window, node, ids up the tree), to find the cause. */
    private static void locate(String message) {
        java.util.regex.Matcher m = RULE.matcher(message);
        if (!m.find()) {
            return;
        }
        String styleClass = m.group(1);
        javafx.application.Platform.runLater(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.getScene() == null) {
                    continue;
                }
                for (javafx.scene.Node n : w.getScene().getRoot().lookupAll("." + styleClass)) {
                    if (n instanceof javafx.scene.layout.Region r && (r.getBackground() == null
                            || r.getBackground().isEmpty())) {
                        StringBuilder path = new StringBuilder();
                        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
                            path.append(" < ").append(p.getClass().getSimpleName())
                                    .append(p.getId() == null ? "" : "#" + p.getId());
                        }
                        LOG.warn("  .{} without background in window '{}' (stylesheets {}): {}", styleClass,
                                w instanceof javafx.stage.Stage st ? st.getTitle() : w.getClass().getSimpleName(),
                                w.getScene().getStylesheets(), path);
                    }
                }
            }
        });
    }

    /** The problems reported since the start or the last {@link #clear()}. */
    public static List<String> seen() {
        return List.copyOf(SEEN);
    }

    public static void clear() {
        SEEN.clear();
    }
}
