// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.tixun.app.ui.settings.SettingsView;
import org.tixun.app.ui.settings.SettingsViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.users.AppMode;

@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    Path dir;
    private CoreServices core;

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        new MachineConfig(AppMode.ARCHIVE, "", "").save(core.settings());
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        stage.setScene(new Scene(new SettingsView(ctx, new SettingsViewModel(ctx), stage::close), 600, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void refusesBadAddressesAndSavesGoodOnes(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#settingsTerminalAddress").queryAs(TextField.class).setText("no-port");
            robot.lookup("#settingsCaseSystemUrl").queryAs(TextField.class).setText("ftp://x");
        });
        robot.clickOn("#settingsSave");
        assertThat(robot.lookup("#error-terminalAddress").queryAs(Label.class).getText()).contains("主机:端口");
        assertThat(robot.lookup("#error-caseSystemUrl").queryAs(Label.class).getText()).contains("https://");
        assertThat(MachineConfig.load(core.settings()).terminalAddress()).isEmpty();

        robot.interact(() -> {
            robot.lookup("#settingsTerminalAddress").queryAs(TextField.class).setText("10.8.0.21:7443");
            robot.lookup("#settingsCaseSystemUrl").queryAs(TextField.class).setText("https://case.example/");
        });
        robot.clickOn("#settingsSave");
        assertThat(robot.lookup("#settingsMessage").queryAs(Label.class).getText()).isEqualTo("设置已保存。");
        assertThat(MachineConfig.load(core.settings()))
                .isEqualTo(new MachineConfig(AppMode.ARCHIVE, "10.8.0.21:7443", "https://case.example/"));
        assertThat(core.audit().entries()).extracting(AuditEntry::action).containsExactly("SETTINGS_CHANGED");
    }

    @Test
    void showsTheDataDirInUse(FxRobot robot) {
        assertThat(robot.lookup("#dataDirPath").queryAs(TextField.class).getText()).isEqualTo(dir.toString());
        assertThat(robot.lookup("#dataDirChange").tryQuery()).isPresent();
    }
}
