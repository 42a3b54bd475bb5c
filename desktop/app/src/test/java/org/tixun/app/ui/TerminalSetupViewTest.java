// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
import org.tixun.app.ui.setup.TerminalSetupView;
import org.tixun.app.ui.setup.TerminalSetupViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.Role;

/**
 * A terminal's first run asks only what a terminal needs and creates no institution keys: name, port (with this
 * machine's addresses shown), administrator, kiosk PIN.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalSetupViewTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private final AtomicReference<AppMode> done = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        stage.setScene(new Scene(new TerminalSetupView(ctx, new TerminalSetupViewModel(ctx, TestApp.FAST), done::set,
                null), 900, 860));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    /** Scrolls to the end of the form (the button may be below a short window) and presses 完成. */
    private static void finish(FxRobot robot) {
        robot.interact(() -> robot.lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#terminalSetupFinish");
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.lookup("#" + id).queryAs(TextInputControl.class).setText(value);
    }

    @Test
    void asksNoInstitutionKeysAndShowsRealAddresses(FxRobot robot) {
        assertThat(robot.lookup("#setupPassphrase").tryQuery()).isEmpty();
        assertThat(robot.lookup("#setupInstitution").tryQuery()).isEmpty();
        assertThat(robot.lookup("#setupCaseSystemUrl").tryQuery()).isEmpty();
        robot.interact(() -> set(robot, "terminalSetupPort", "7450"));
        String addresses = robot.lookup("#terminalSetupAddresses").queryAs(Label.class).getText();
        assertThat(addresses).startsWith("工作站将连接：").contains(":7450").doesNotContain("0.0.0.0");
    }

    @Test
    void refusesMissingNameBadPortAndMismatchedPin(FxRobot robot) {
        robot.interact(() -> {
            set(robot, "terminalSetupPort", "70000");
            set(robot, "terminalSetupAdminName", "刘强");
            set(robot, "terminalSetupAdminPassword", "terminal-admin");
            set(robot, "terminalSetupAdminPassword2", "terminal-admin");
            set(robot, "terminalSetupPin", "246810");
            set(robot, "terminalSetupPin2", "246811");
        });
        finish(robot);
        assertThat(robot.lookup("#error-terminalName").queryAs(Label.class).getText()).isEqualTo("请填写终端名称。");
        assertThat(robot.lookup("#error-port").queryAs(Label.class).getText()).contains("1–65535");
        assertThat(robot.lookup("#error-kioskPin2").queryAs(Label.class).getText()).isEqualTo("两次输入不一致。");
        assertThat(done.get()).isNull();
        assertThat(core.users().hasAdministrator()).isFalse();
    }

    @Test
    void savesTheTerminalWithoutKeys(FxRobot robot) {
        robot.interact(() -> {
            set(robot, "terminalSetupName", "演示看守所 远程提讯室 1");
            set(robot, "terminalSetupPort", "7450");
            set(robot, "terminalSetupAdminName", "刘强");
            set(robot, "terminalSetupAdminPassword", "terminal-admin");
            set(robot, "terminalSetupAdminPassword2", "terminal-admin");
            set(robot, "terminalSetupPin", "246810");
            set(robot, "terminalSetupPin2", "246810");
        });
        finish(robot);
        assertThat(done.get()).isEqualTo(AppMode.TERMINAL);
        assertThat(MachineConfig.load(core.settings()).role()).isEqualTo(AppMode.TERMINAL);
        assertThat(core.settings().get("terminal.name")).contains("演示看守所 远程提讯室 1");
        assertThat(core.settings().get("terminal.listen")).contains("0.0.0.0:7450");
        assertThat(TestApp.FAST.verify("246810".toCharArray(), core.settings().get(Settings.KIOSK_PIN).orElseThrow()))
                .isTrue();
        assertThat(core.users().find("admin").orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(Files.exists(core.dataDir().keystore())).as("no institution key store on a terminal").isFalse();
        assertThat(core.settings().get(Settings.KEYS_SOURCE)).isEmpty();
        assertThat(core.audit().entries()).extracting(AuditEntry::action).contains("SETUP_COMPLETED");
    }
}
