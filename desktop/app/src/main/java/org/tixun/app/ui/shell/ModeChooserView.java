// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.core.users.AppMode;

/** Start screen when no mode was given on the command line: workstation, terminal or archive. */
public final class ModeChooserView extends VBox {
    public ModeChooserView(AppContext ctx, Consumer<AppMode> onChoose) {
        I18n i18n = ctx.i18n();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("chooser.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        HBox buttons = new HBox(20,
                button(i18n, AppMode.WORKSTATION, Material2AL.COMPUTER, onChoose),
                button(i18n, AppMode.TERMINAL, Material2MZ.VIDEOCAM, onChoose),
                button(i18n, AppMode.ARCHIVE, Material2AL.ARCHIVE, onChoose));
        buttons.setAlignment(Pos.CENTER);
        VBox center = new VBox(28, title, buttons);
        center.setAlignment(Pos.CENTER);
        center.setPadding(new Insets(40));
        VBox.setVgrow(center, Priority.ALWAYS);
        getChildren().addAll(new TopBar(ctx, i18n.bind("chooser.subtitle"), null), center);
    }

    private static Button button(I18n i18n, AppMode mode, Ikon icon, Consumer<AppMode> onChoose) {
        Button b = new Button();
        b.setId("mode-" + mode.name());
        FontIcon graphic = new FontIcon(icon);
        graphic.setIconSize(48);
        b.setGraphic(graphic);
        b.setContentDisplay(ContentDisplay.TOP);
        b.textProperty().bind(i18n.bind("mode." + mode.name()));
        b.setPrefSize(220, 160);
        b.setWrapText(true);
        b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        b.getStyleClass().add("mode-button");
        b.setOnAction(e -> onChoose.accept(mode));
        return b;
    }
}
