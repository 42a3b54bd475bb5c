// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.tixun.app.ui.AppContext;
import org.tixun.core.services.CoreServices;
import org.tixun.sim.SimulatedPadRig;
import org.tixun.core.devices.config.DeviceSettings;
import org.tixun.core.store.Settings;

/**
 * The kiosk's device self-test lists the devices configured on this terminal and each one's result: a pad on a real
 * pty (the signature pad simulator on its far end stands in for the hardware), nothing configured, the test tone
 * refused, a vendor library that is not installed.
 */
@ExtendWith(ApplicationExtension.class)
class DeviceSelfTestPaneTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private SimulatedPadRig.SimulatedDevice pad;

    @Start
    void start(Stage stage) throws Exception {
        core = TestApp.core(dir.resolve("data"));
        core.settings().put(Settings.KIOSK_PIN, TestApp.FAST.hash("135790".toCharArray()));
        pad = SimulatedPadRig.startDevice(dir.resolve("pad"), "wang-feng");
        core.settings().put(DeviceSettings.PAD, "ISDV4:" + pad.hostEnd());
        core.settings().put(DeviceSettings.MICROPHONE, "tone");
        core.settings().put(DeviceSettings.FINGERPRINT, "livescan:" + dir.resolve("libGALSXXYY.so"));
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        Scene scene = new Scene(new TerminalView(ctx, new KioskViewModel(ctx, TestApp.FAST), () -> { }), 1280, 800);
        new org.tixun.app.ui.Theme().apply();
        org.tixun.app.ui.Theme.ensureCjkFont();
        org.tixun.app.ui.Theme.style(scene);
        if (!javafx.scene.text.Font.getFamilies().contains("Noto Sans CJK SC")) {
            // Screenshots on a host without CJK fonts: the document font the app ships.
            scene.getRoot().setStyle("-fx-font-family: \"Noto Serif SC\";");
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        pad.close();
        core.close();
    }

    @Test
    void listsTheConfiguredDevicesAndTheirResults(FxRobot robot) throws Exception {
        robot.clickOn("#kioskDeviceSelfTest");
        assertThat(robot.lookup("#deviceSelfTest").query().isVisible()).isTrue();
        assertThat(text(robot, "#deviceSelfTestDevice-CAMERA")).isEqualTo("未配置");
        assertThat(text(robot, "#deviceSelfTestDevice-SIGNATURE_PAD")).isEqualTo("ISDV4:" + pad.hostEnd());
        robot.clickOn("#deviceSelfTestRun");
        assertThat(text(robot, "#deviceSelfTest-CAMERA")).startsWith("✘").contains("未配置摄像头");
        assertThat(text(robot, "#deviceSelfTest-MICROPHONE")).startsWith("✘").contains("测试音");
        assertThat(text(robot, "#deviceSelfTest-SIGNATURE_PAD")).startsWith("✔").contains("签名板正常");
        assertThat(text(robot, "#deviceSelfTest-FINGERPRINT_READER")).startsWith("✘")
                .contains("找不到指纹采集仪接口库");
        org.tixun.app.ui.Screenshots.save(robot.lookup("#deviceSelfTest").query().getScene(),
                "terminal-device-self-test");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
