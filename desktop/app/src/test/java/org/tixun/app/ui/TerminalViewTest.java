// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
import org.tixun.app.ui.terminal.KioskViewModel;
import org.tixun.app.ui.terminal.TerminalView;
import org.tixun.core.services.CoreServices;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.store.Settings;

@ExtendWith(ApplicationExtension.class)
class TerminalViewTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private final AtomicBoolean exited = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        core = TestApp.core(dir);
        core.settings().put(Settings.KIOSK_PIN, TestApp.FAST.hash("135790".toCharArray()));
        AppContext ctx = TestApp.context(core, I18n.CHINESE, true);
        stage.setScene(new Scene(new TerminalView(ctx, new KioskViewModel(ctx, TestApp.FAST), () -> exited.set(true)),
                1024, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void enterPin(FxRobot robot, String pin) {
        robot.clickOn("#kioskExit");
        robot.interact(() -> robot.lookup("#kioskPin").queryAs(PasswordField.class).setText(pin));
        robot.clickOn("#kioskExitConfirm");
    }

    @Test
    void wrongPinKeepsTheKioskAndIsAudited(FxRobot robot) {
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).getText()).startsWith("演示模式");
        enterPin(robot, "000000");
        assertThat(exited).isFalse();
        assertThat(robot.lookup("#kioskPinError").queryAs(Label.class).getText()).contains("PIN 不正确");
        assertThat(core.audit().entries()).extracting(AuditEntry::action).containsExactly("KIOSK_EXIT_REFUSED");
    }

    @Test
    void administratorPinLeavesTheKiosk(FxRobot robot) {
        enterPin(robot, "135790");
        assertThat(exited).isTrue();
        assertThat(core.audit().entries()).extracting(AuditEntry::action).containsExactly("KIOSK_EXIT");
    }
}
