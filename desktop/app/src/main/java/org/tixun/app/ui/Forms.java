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
        combo.setConverter(enumConverter(i18n, prefix));
        // A new converter instance makes the cells re-render in the new language.
        i18n.localeProperty().addListener((o, was, now) -> combo.setConverter(enumConverter(i18n, prefix)));
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
        c.setMinWidth(Math.min(width, 56));
        return c;
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
