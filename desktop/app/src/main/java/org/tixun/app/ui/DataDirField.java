// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.config.DataDir;

/**
 * Shows the data directory in use and lets an administrator choose another one for the next start
 * (remembered in the user's configuration directory; {@code --data-dir} and TIXUN_HOME still win).
 */
public final class DataDirField extends VBox {
    public DataDirField(AppContext ctx) {
        TextField path = new TextField(ctx.core().dataDir().root().toString());
        path.setId("dataDirPath");
        path.setEditable(false);
        Label message = new Label();
        message.setId("dataDirMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(ctx.i18n().bind("datadir.hint"));
        Button change = new Button();
        change.setId("dataDirChange");
        change.textProperty().bind(ctx.i18n().bind("datadir.change"));
        change.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.titleProperty().bind(ctx.i18n().bind("datadir.change"));
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                choose(ctx, dir.toPath(), message, path);
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox row = new HBox(8, path, change);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, message);
        setSpacing(4);
    }

    /** Remembers the directory for the next start and says so; audited. */
    static void choose(AppContext ctx, java.nio.file.Path dir, Label message, TextField path) {
        message.textProperty().unbind();
        try {
            DataDir.choose(DataDir.pointerFile(), dir);
            ctx.core().audit().append(ctx.actor(), AuditAction.SETTINGS_CHANGED, "data-dir", "next start: " + dir);
            path.setText(dir.toString());
            message.setText(ctx.i18n().text("datadir.chosen", dir));
        } catch (TixunException ex) {
            message.setText(ex.getMessage());
        }
    }
}
