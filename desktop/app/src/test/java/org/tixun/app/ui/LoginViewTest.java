// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.login.LoginView;
import org.tixun.app.ui.login.LoginViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.Role;
import org.tixun.core.users.User;

@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    @TempDir
    static Path dir;
    private CoreServices core;
    private AppContext ctx;
    private final AtomicReference<User> loggedIn = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        if (core.users().find("zhangwei").isEmpty()) {
            core.users().add("t", "zhangwei", "张伟", Role.PROSECUTOR, "password-1".toCharArray());
            core.users().add("t", "chenjing", "陈静", Role.CLERK, "password-2".toCharArray());
        }
        ctx = TestApp.context(core, I18n.CHINESE, false);
        stage.setScene(new Scene(new LoginView(ctx, new LoginViewModel(ctx, AppMode.WORKSTATION), loggedIn::set),
                800, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void login(FxRobot robot, String user, String password) {
        robot.interact(() -> {
            robot.lookup("#username").queryAs(TextField.class).setText(user);
            robot.lookup("#password").queryAs(PasswordField.class).setText(password);
        });
        robot.clickOn("#loginButton");
    }

    @Test
    void wrongPasswordShowsMessageAndStaysOnLogin(FxRobot robot) {
        login(robot, "zhangwei", "nope-nope");
        assertThat(robot.lookup("#loginError").queryAs(Label.class).getText()).isEqualTo("用户名或密码不正确。");
        assertThat(loggedIn.get()).isNull();
        assertThat(robot.lookup("#password").queryAs(PasswordField.class).getText()).isEmpty();
    }

    @Test
    void clerkCannotOpenTheWorkstation(FxRobot robot) {
        login(robot, "chenjing", "password-2");
        assertThat(robot.lookup("#loginError").queryAs(Label.class).getText()).contains("档案管理员").contains("检察官工作站");
        assertThat(loggedIn.get()).isNull();
    }

    @Test
    void prosecutorSignsIn(FxRobot robot) {
        login(robot, "zhangwei", "password-1");
        assertThat(loggedIn.get()).isNotNull().extracting(User::username).isEqualTo("zhangwei");
        assertThat(ctx.currentUserProperty().get().role()).isEqualTo(Role.PROSECUTOR);
    }

    @Test
    void languageSwitchesAtRuntime(FxRobot robot) {
        robot.clickOn("#languageToggle");
        assertThat(robot.lookup("#loginButton").queryButton().getText()).isEqualTo("Sign in");
        robot.clickOn("#languageToggle");
        assertThat(robot.lookup("#loginButton").queryButton().getText()).isEqualTo("登录");
    }
}
