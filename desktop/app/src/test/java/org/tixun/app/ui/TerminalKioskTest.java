// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.terminal.TerminalKiosk;
import org.tixun.app.ui.workstation.RemoteSessionActions;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.core.session.EnrollmentCode;
import org.tixun.core.session.flow.TerminalStation;

/**
 * The terminal kiosk enrolls with the workstation's Terminals action over loopback, shows the root code, then the
 * device self-test: the tone source passes, the machine's real microphone (none here, or silence) fails with a
 * sentence.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalKioskTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private AppContext ctx;
    private final AtomicReference<TerminalKiosk> kiosk = new AtomicReference<>();
    private Stage stage;
    private int port;

    @Start
    void start(Stage stage) throws Exception {
        new Theme().apply(); // the app's theme, whose colours the kiosk's stylesheet looks up
        this.stage = stage;
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        ctx = TestApp.context(core, I18n.CHINESE, true);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    private void open(String microphone, int cameraIndex) {
        WaitForAsyncUtils.asyncFx(() -> {
            org.tixun.sim.SimulatedDevices sim = new org.tixun.sim.SimulatedDevices("synthetic:" + cameraIndex);
            // "tone": the simulated microphone; "default": this machine's real one (none here, or silence)
            org.tixun.core.media.MediaDevices devices = "tone".equals(microphone) ? sim
                    : new org.tixun.core.media.MediaDevices() {
                        @Override
                        public org.tixun.core.media.VideoSource openCamera(java.awt.Dimension size, int fps) {
                            return sim.openCamera(size, fps);
                        }

                        @Override
                        public org.tixun.core.media.AudioSource openMicrophone() {
                            return new org.tixun.core.media.JavaSoundMicrophone("");
                        }
                    };
            TerminalKiosk k = new TerminalKiosk(ctx, "127.0.0.1:" + port, "测试终端", devices);
            kiosk.set(k);
            stage.setScene(new Scene(k, 1200, 900));
            Theme.style(stage.getScene());
            stage.show();
            k.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        if (kiosk.get() != null) {
            kiosk.get().close();
        }
        core.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void enroll(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#enrollCode").queryAs(Label.class)
                .getText().isEmpty());
        String code = text(robot, "#enrollCode");
        assertThat(text(robot, "#enrollAddresses")).contains("127.0.0.1:" + port).doesNotContain("0.0.0.0");
        AtomicReference<RemoteSessionActions.Outcome> outcome = new AtomicReference<>();
        new RemoteSessionActions(ctx).enroll("127.0.0.1:" + port, code, "测试终端",
                DemoData.KEYSTORE_PASSPHRASE.toCharArray(), outcome::set);
        String rootCode = EnrollmentCode.of(DemoData.keys(core).rootCertificate().getEncoded());
        assertThat(outcome.get().ok()).as(outcome.get().text()).isTrue();
        assertThat(outcome.get().text()).contains(rootCode);
        assertThat(core.audit().entriesFor("127.0.0.1:" + port)).extracting(e -> e.action())
                .contains("TERMINAL_ENROLLED");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#terminalSessionView").tryQuery()
                .isPresent() || robot.lookup("#terminalStartError").tryQuery().isPresent());
        assertThat(robot.lookup("#terminalStartError").tryQuery()).as(() -> text(robot, "#terminalStartError"))
                .isEmpty();
        assertThat(TerminalStation.enrolled(core.dataDir().root().resolve("terminal"))).isTrue();
    }

    private String selfTestMic(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#selfTestRun").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#selfTestRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#selfTestMic").equals("…"));
        return text(robot, "#selfTestMic");
    }

    @Test
    void enrollsWithTheWorkstationThenPassesTheSelfTestWithTheTone(FxRobot robot) throws Exception {
        open("tone", 1);
        enroll(robot);
        assertThat(selfTestMic(robot)).startsWith("麦克风：正常");
        // The frame rate depends on the machine's load; the row must carry DeviceSelfTest's measurement.
        assertThat(text(robot, "#selfTestCamera")).startsWith("摄像头：").contains("帧");
        assertThat(text(robot, "#selfTestCamera")).as("in the reader's language only").doesNotContain("frames");
        assertThat(text(robot, "#selfTestFingerprint")).as("no reader configured: said, nothing substituted")
                .isEqualTo("指纹采集仪：未配置：捺印步骤将等待采集仪，请管理员在「设置 → 设备」中选择");
        robot.interact(() -> robot.lookup("#selfTestContinue").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#terminalWaiting")).contains("等待工作站连接").contains("127.0.0.1:" + port);
    }

    @Test
    void realMicrophoneWithoutSoundFailsWithASentence(FxRobot robot) throws Exception {
        open("default", 1);
        enroll(robot);
        assertThat(selfTestMic(robot)).startsWith("麦克风：异常：").hasSizeGreaterThan("麦克风：异常：".length() + 5);
    }
}
