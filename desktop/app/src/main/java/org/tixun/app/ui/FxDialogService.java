// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;

/** Dialogs as JavaFX alerts with wrapping text. */
public final class FxDialogService implements DialogService {
    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public int ask(String title, String message, java.util.List<String> answers) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        java.util.List<javafx.scene.control.ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            buttons.add(new javafx.scene.control.ButtonType(answers.get(i), i == 0
                    ? javafx.scene.control.ButtonBar.ButtonData.OK_DONE : i == answers.size() - 1
                    ? javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE
                    : javafx.scene.control.ButtonBar.ButtonData.OTHER));
        }
        alert.getButtonTypes().setAll(buttons);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    private static void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.showAndWait();
    }
}
