// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Checks of a laid-out screen that a person would notice: a label or button whose text is cut ("…"), a table column
 * header cut, a window smaller than the app is laid out for. Cells of tables and lists (data, which may be long) are
 * not checked; a combo box's shown value is.
 */
public final class ScreenChecks {
    private ScreenChecks() {
    }

    /** Every visible Labeled under {@code root} whose rendered text is not its whole text (ellipsis), described. */
    public static List<String> truncated(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && checked(l)) {
            String full = l.getText();
            String shown = rendered(l);
            if (full != null && !full.isEmpty() && shown != null && !shown.equals(full)
                    && (shown.endsWith("…") || shown.endsWith("...") || shown.contains("…") && !full.contains("…"))) {
                out.add(describe(l) + ": \"" + full + "\" shown as \"" + shown + "\"");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }

    /** Table/list cells hold data and are skipped, except the cell a combo box shows its value in. */
    private static boolean checked(Labeled l) {
        if (!(l instanceof IndexedCell<?>)) {
            return !insideCell(l);
        }
        for (Node n = l.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideCell(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof IndexedCell<?>) {
                for (Node q = p.getParent(); q != null; q = q.getParent()) {
                    if (q instanceof ComboBoxBase<?>) {
                        return false;
                    }
                    if (q instanceof TableView<?> || q instanceof javafx.scene.control.ListView<?>
                            || q instanceof javafx.scene.control.TreeView<?>) {
                        return true;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The text the skin actually draws (its LabeledText child), or null before it is skinned. */
    private static String rendered(Labeled l) {
        StringBuilder joined = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                if (joined == null) {
                    joined = new StringBuilder();
                }
                joined.append(t.getText());
            }
        }
        return joined == null ? null : joined.toString();
    }

    private static String describe(Labeled l) {
        String kind = l.getClass().getSimpleName();
        if (l.getId() != null) {
            return kind + "#" + l.getId();
        }
        for (Node n = l.getParent(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("column-header")) {
                return "column header";
            }
            if (n.getId() != null) {
                return kind + " in #" + n.getId();
            }
        }
        return kind;
    }

    /**
     * Combo boxes whose shown value is not what their converter says now (e.g. still the old language after a
     * switch), described.
     */
    public static List<String> staleComboBoxes(Parent root) {
        List<String> out = new ArrayList<>();
        staleWalk(root, out);
        return out;
    }

    private static void staleWalk(Node node, List<String> out) {
        if (node instanceof javafx.scene.control.ComboBox<?> combo && combo.isVisible() && combo.getValue() != null) {
            String expected = shownText(combo);
            for (Node child : combo.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.control.ListCell<?> cell && cell.getText() != null
                        && !cell.getText().equals(expected)) {
                    out.add(describe(cell) + " of ComboBox#" + combo.getId() + ": shows \"" + cell.getText()
                            + "\", should show \"" + expected + "\"");
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                staleWalk(child, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String shownText(javafx.scene.control.ComboBox<T> combo) {
        return combo.getConverter() == null ? String.valueOf(combo.getValue())
                : combo.getConverter().toString(combo.getValue());
    }

    /**
     * Windows (showing) smaller than {@code minW}×{@code minH} screen pixels (at 150 % a window of 800 screen pixels
     * is 533 of JavaFX's), described.
     */
    public static List<String> tooSmall(List<Window> windows, double minW, double minH) {
        List<String> out = new ArrayList<>();
        for (Window w : windows) {
            double sx = w.getOutputScaleX();
            double sy = w.getOutputScaleY();
            if (w.isShowing() && (w.getWidth() * sx + 0.5 < minW || w.getHeight() * sy + 0.5 < minH)) {
                String title = w instanceof javafx.stage.Stage s ? s.getTitle() : w.toString();
                out.add("window \"" + title + "\" is " + Math.round(w.getWidth() * sx) + "×" + Math.round(w.getHeight() * sy)
                        + " screen pixels");
            }
        }
        return out;
    }
}
