// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.login;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.shell.TopBar;
import org.tixun.core.store.Settings;
import org.tixun.core.users.User;

/** The login screen of every mode. */
public final class LoginView extends VBox {
    public LoginView(AppContext ctx, LoginViewModel vm, Consumer<User> onSuccess) {
        I18n i18n = ctx.i18n();
        getStyleClass().add("login-view");
        TopBar top = new TopBar(ctx, i18n.bind("mode." + vm.mode().name()), null);

        Label institution = new Label(ctx.core().settings().get(Settings.INSTITUTION).orElse(""));
        institution.getStyleClass().add(Styles.MUTED);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("login.title"));
        title.getStyleClass().add(Styles.APP_TITLE);

        TextField username = new TextField();
        username.setId("username");
        username.promptTextProperty().bind(i18n.bind("login.username"));
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.promptTextProperty().bind(i18n.bind("login.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Button login = new Button();
        login.setId("loginButton");
        login.textProperty().bind(i18n.bind("login.submit"));
        login.setDefaultButton(true);
        login.setMaxWidth(Double.MAX_VALUE);
        login.disableProperty().bind(vm.busyProperty());
        login.setOnAction(e -> vm.login(onSuccess));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());

        Label error = new Label();
        error.setId("loginError");
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());

        HBox feedback = new HBox(8, progress, error);
        feedback.setAlignment(Pos.CENTER_LEFT);
        progress.managedProperty().bind(progress.visibleProperty());
        VBox card = new VBox(12, institution, title, username, password, login, feedback);
        card.getStyleClass().add(Styles.CARD);
        card.setMaxWidth(380);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        if (ctx.demo()) {
            Label hint = new Label();
            hint.setId("demoHint");
            hint.setWrapText(true);
            hint.textProperty().bind(i18n.bind("login.demoHint", org.tixun.core.session.demo.DemoKit.require().userPassword()));
            hint.getStyleClass().add(Styles.MUTED);
            card.getChildren().add(hint);
        }
        StackPane center = new StackPane(card);
        center.setAlignment(Pos.CENTER);
        VBox.setVgrow(center, Priority.ALWAYS);
        Region spacer = new Region();
        spacer.setMinHeight(24);
        getChildren().addAll(top, center, spacer);
        // Focus the user name once the view is in a window, so typing starts there.
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(username::requestFocus);
            }
        });
    }
}
