// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tixun.app.i18n.I18n;

/** Small builders for labelled form fields with their validation message underneath. */
public final class Forms {
    private Forms() {
    }

    /** Label above the input, the field's error (if any) below it. */
    public static VBox field(I18n i18n, String labelKey, Node input, ObservableMap<String, String> errors,
                             String errorField) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(labelKey));
        label.setLabelFor(input);
        // English labels are longer: wrap rather than cut.
        label.setWrapText(true);
        VBox box = new VBox(3, label, input);
        if (errors != null) {
            box.getChildren().add(errorLabel(errors, errorField));
        }
        return box;
    }

    public static Label errorLabel(ObservableMap<String, String> errors, String errorField) {
        Label error = new Label();
        error.setId("error-" + errorField.replaceAll("[^A-Za-z0-9_-]", "-"));
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String v = errors.get(errorField);
            return v == null ? "" : v;
        }, errors));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        return error;
    }

    /** Converter showing enum values through the bundle ({@code prefix + name()}). */
    public static <E extends Enum<E>> StringConverter<E> enumConverter(I18n i18n, String prefix) {
        return converter(e -> i18n.text(prefix + e.name()));
    }

    /** Shows enum values through the bundle and re-labels them when the language switches. */
    public static <E extends Enum<E>> void localize(I18n i18n, javafx.scene.control.ComboBox<E> combo, String prefix) {
        relabel(i18n, combo, () -> enumConverter(i18n, prefix));
    }

    /**
     * Gives {@code combo} the converter now and a new one when the language switches. A new converter re-labels the
     * list cells but not the shown value (the skin keeps the button cell's text): a fresh button cell makes the
     * skin draw it again.
     */
    public static <T> void relabel(I18n i18n, javafx.scene.control.ComboBox<T> combo,
            java.util.function.Supplier<StringConverter<T>> converter) {
        combo.setConverter(converter.get());
        combo.setButtonCell(new ShownValueCell<>(combo));
        i18n.localeProperty().addListener((o, was, now) -> {
            combo.setConverter(converter.get());
            combo.setButtonCell(new ShownValueCell<>(combo));
        });
    }

    /**
     * The cell a combo box shows its value in: the converter's text, for an empty value too when the converter names
     * it ("all kinds"), else the prompt (JavaFX hides the prompt once a null value was chosen).
     */
    private static final class ShownValueCell<T> extends javafx.scene.control.ListCell<T> {
        private final javafx.scene.control.ComboBox<T> combo;

        ShownValueCell(javafx.scene.control.ComboBox<T> combo) {
            this.combo = combo;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String text = combo.getConverter() == null ? null : combo.getConverter().toString(item);
            setText(item == null && (text == null || text.isEmpty()) ? combo.getPromptText() : text);
        }
    }

    /**
     * A read-only text column whose header and cells follow the language (cells that show enums or bundle texts are
     * re-labelled when it switches).
     */
    public static <S> javafx.scene.control.TableColumn<S, String> column(I18n i18n, String key,
            Function<S, String> value, double width) {
        javafx.scene.control.TableColumn<S, String> c = new javafx.scene.control.TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(cd -> {
            S row = cd.getValue();
            return Bindings.createStringBinding(() -> value.apply(row), i18n.localeProperty());
        });
        c.setPrefWidth(width);
        // Never narrower than its header in either language (a cut header reads "Interrog…").
        c.textProperty().addListener(o -> fitHeader(c));
        fitHeader(c);
        return c;
    }

    private static final String CONTENT_MIN = "tixun.contentMinWidth";

    /** The column's minimum for its content (e.g. a date), besides its header's. */
    public static void contentMinWidth(javafx.scene.control.TableColumn<?, ?> c, double px) {
        c.getProperties().put(CONTENT_MIN, px);
        fitHeader(c);
    }

    private static void fitHeader(javafx.scene.control.TableColumn<?, ?> c) {
        double floor = c.getProperties().get(CONTENT_MIN) instanceof Double d ? d : 40;
        c.setMinWidth(Math.max(floor, headerWidth(c.getText())));
        if (c.getPrefWidth() < c.getMinWidth()) {
            c.setPrefWidth(c.getMinWidth());
        }
    }

    /** A generous width for a bold header text with the sort arrow's room (wide CJK, narrower Latin). */
    static double headerWidth(String text) {
        if (text == null) {
            return 0;
        }
        double w = 30;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            w += ch >= 0x2E80 ? 16 : Character.isUpperCase(ch) ? 10.5 : 8.5;
        }
        return Math.ceil(w);
    }

    /** The text a table shows when it has no rows, in the reader's language (never JavaFX's English default). */
    public static void placeholder(I18n i18n, javafx.scene.control.TableView<?> table, String key) {
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind(key));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
    }

    public static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("display-only converter");
            }
        };
    }
}
