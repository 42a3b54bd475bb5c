// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.css.CssParser;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Geometry checks on a laid-out screen (FX thread): labels cut off with an ellipsis, nodes overlapping a region,
 * controls outside the window, and stylesheet errors. Shared by the Monocle screen tests and the real-window run
 * under Xvfb.
 */
public final class TerminalScreenChecks {
    private TerminalScreenChecks() {
    }

    /** True when {@code n} and every ancestor are visible (so it is on screen, if inside the window). */
    public static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Every shown node under {@code root} (root included) of the given kinds. */
    public static List<Node> shownNodes(Node root, Class<?>... kinds) {
        List<Node> out = new ArrayList<>();
        collect(root, kinds, out);
        return out;
    }

    private static void collect(Node n, Class<?>[] kinds, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        for (Class<?> k : kinds) {
            if (k.isInstance(n)) {
                out.add(n);
                break;
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, kinds, out);
            }
        }
    }

    /**
     * Labeled nodes under {@code root} whose text the skin shows cut (ending in an ellipsis, or not at all): the skin's
     * text node carries something other than the label's text.
     */
    public static List<String> truncated(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : shownNodes(root, Labeled.class)) {
            Labeled l = (Labeled) n;
            String text = l.getText();
            if (text == null || text.isEmpty() || !shown(l)) {
                continue;
            }
            Text shownText = null;
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.getStyleClass().contains("text")) {
                    shownText = t;
                }
            }
            String visible = shownText == null ? "" : shownText.getText();
            if (!text.equals(visible)) {
                out.add(describe(l) + " shows \"" + visible + "\" of \"" + text + "\"");
            }
        }
        return out;
    }

    /** The part of {@code n} that can be seen: its scene bounds cut by the viewports of the scroll panes around it. */
    public static Bounds visibleBounds(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Bounds vp = sp.localToScene(sp.getBoundsInLocal());
                b = intersection(b, vp);
                if (b == null) {
                    return null;
                }
            }
        }
        return b;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** Nodes of {@code others} whose visible part overlaps {@code region}'s (by more than half a pixel). */
    public static List<String> overlapping(Node region, Collection<Node> others) {
        List<String> out = new ArrayList<>();
        Bounds r = visibleBounds(region);
        if (r == null || !shown(region)) {
            return out;
        }
        Bounds inner = new BoundingBox(r.getMinX() + 0.5, r.getMinY() + 0.5, r.getWidth() - 1, r.getHeight() - 1);
        for (Node n : others) {
            if (n == region || isAncestor(n, region) || isAncestor(region, n) || !shown(n)) {
                continue;
            }
            Bounds b = visibleBounds(n);
            if (b != null && intersection(b, inner) != null) {
                out.add(describe(n) + " " + b + " overlaps " + describe(region) + " " + r);
            }
        }
        return out;
    }

    private static boolean isAncestor(Node maybeAncestor, Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p == maybeAncestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shown buttons under {@code root} that cannot be reached: not wholly inside the window, or, inside a scroll pane,
     * that scroll pane not wholly inside the window (what scrolls into view is reachable).
     */
    public static List<String> outsideWindow(Node root) {
        List<String> out = new ArrayList<>();
        double w = root.getScene().getWidth();
        double h = root.getScene().getHeight();
        for (Node button : shownNodes(root, ButtonBase.class)) {
            Node n = button;
            for (Node p = button.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane) {
                    n = p;
                }
            }
            Bounds b = n.localToScene(n.getBoundsInLocal());
            // 1.5 px: at 150 % the scene and its children round to different fractions of a logical pixel.
            if (b.getMinX() < -1.5 || b.getMinY() < -1.5 || b.getMaxX() > w + 1.5 || b.getMaxY() > h + 1.5) {
                out.add(describe(button) + (n == button ? "" : " in " + describe(n)) + " at " + b + " outside " + w
                        + "x" + h);
            }
        }
        return out;
    }

    /** Stylesheet errors JavaFX recorded (parse errors, failed conversions, unresolved lookups) since the last clear. */
    public static List<String> cssErrors() {
        List<String> out = new ArrayList<>();
        for (CssParser.ParseError e : CssParser.errorsProperty()) {
            out.add(e.toString());
        }
        return out;
    }

    /** Forgets the stylesheet errors recorded so far. */
    public static void clearCssErrors() {
        CssParser.errorsProperty().clear();
    }

    public static String describe(Node n) {
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }
}
