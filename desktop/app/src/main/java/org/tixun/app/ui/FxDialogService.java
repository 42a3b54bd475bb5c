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

    private static void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }
}
