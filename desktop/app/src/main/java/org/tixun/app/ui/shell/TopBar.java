// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.core.users.User;

/** Title, mode, signed-in user, language and theme switches, logout; the demo banner under it. */
public final class TopBar extends VBox {
    private static void openSettings(AppContext ctx, Button owner) {
        javafx.stage.Stage dialog = new javafx.stage.Stage();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.initModality(javafx.stage.Modality.WINDOW_MODAL);
        dialog.titleProperty().bind(ctx.i18n().bind("settings.title"));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(
                new org.tixun.app.ui.settings.SettingsView(ctx, new org.tixun.app.ui.settings.SettingsViewModel(ctx),
                        dialog::close));
        scroll.setFitToWidth(true);
        javafx.scene.Scene scene = new javafx.scene.Scene(scroll);
        org.tixun.app.ui.Theme.style(scene);
        dialog.setScene(scene);
        WindowPlacement.shared().apply(dialog, WindowPlacement.Kind.SETTINGS);
        dialog.show();
    }

    public TopBar(AppContext ctx, ObservableStringValue subtitle, Runnable onLogout) {
        I18n i18n = ctx.i18n();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("app.name"));
        title.getStyleClass().add("top-title");
        Label mode = new Label();
        mode.textProperty().bind(subtitle);
        mode.getStyleClass().add(Styles.MUTED);

        Label user = new Label();
        user.setId("currentUser");
        user.textProperty().bind(Bindings.createStringBinding(() -> {
            User u = ctx.currentUserProperty().get();
            return u == null ? "" : i18n.text("topbar.user", u.displayName(), i18n.text("role." + u.role().name()));
        }, ctx.currentUserProperty(), i18n.localeProperty()));

        Button language = new Button();
        language.setId("languageToggle");
        language.setGraphic(new FontIcon(Material2AL.LANGUAGE));
        language.textProperty().bind(i18n.bind("topbar.language"));
        language.setOnAction(e -> i18n.toggle());
        language.setTooltip(new Tooltip());
        language.getTooltip().textProperty().bind(i18n.bind("topbar.language.tip"));

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.setGraphic(new FontIcon(Material2AL.BRIGHTNESS_6));
        theme.setTooltip(new Tooltip());
        theme.getTooltip().textProperty().bind(i18n.bind("topbar.theme.tip"));
        theme.setOnAction(e -> ctx.theme().toggle());

        Button settings = new Button();
        settings.setId("settingsButton");
        settings.setGraphic(new FontIcon(Material2MZ.SETTINGS));
        settings.setTooltip(new Tooltip());
        settings.getTooltip().textProperty().bind(i18n.bind("settings.title"));
        settings.visibleProperty().bind(Bindings.createBooleanBinding(() -> ctx.currentUserProperty().get() != null
                && ctx.currentUserProperty().get().role() == org.tixun.core.users.Role.ADMINISTRATOR,
                ctx.currentUserProperty()));
        settings.managedProperty().bind(settings.visibleProperty());
        settings.setOnAction(e -> openSettings(ctx, settings));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, mode, spacer, user, language, theme, settings);
        if (onLogout != null) {
            Button logout = new Button();
            logout.setId("logoutButton");
            logout.setGraphic(new FontIcon(Material2AL.LOG_OUT));
            logout.textProperty().bind(i18n.bind("topbar.logout"));
            logout.setOnAction(e -> onLogout.run());
            bar.getChildren().add(logout);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        bar.getStyleClass().add(Styles.TOP_BAR);
        getChildren().add(bar);
        if (ctx.demo()) {
            getChildren().add(demoBanner(i18n));
        }
    }

    /** The strip that says on screen that this is the demo (demo users, keys, simulated devices). */
    public static Label demoBanner(I18n i18n) {
        Label banner = new Label();
        banner.setId("demoBanner");
        banner.textProperty().bind(i18n.bind("demo.banner"));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add(Styles.DEMO_BANNER);
        return banner;
    }
}
