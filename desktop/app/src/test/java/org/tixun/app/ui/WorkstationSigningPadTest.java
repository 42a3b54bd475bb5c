// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.app.ui.workstation.WorkstationSigningDialog;
import org.tixun.core.devices.PadSpec;
import org.tixun.sim.SimulatedPadRig;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.Capture;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;

/**
 * The workstation signing window with the workstation's own pad configured ({@code workstation.pad}): an ISDV4
 * simulator on a socat pty pair replays a signature once the window has opened and started the pad through the
 * production driver; the capture holds exactly the pad's samples with the pad as device, and the pad is closed
 * with the window. A wrong setting or a port that cannot be opened is said in the window and the mouse still signs.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationSigningPadTest {
    private static final PlannedSlot SLOT = new PlannedSlot("recorder-1-p1", 0, SlotKind.SIGNATURE,
            new SignerIdentity("李娜", SignerRole.RECORDER, "书记员"));
    private final I18n i18n = new I18n(I18n.CHINESE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-flow-worker");
        t.setDaemon(true);
        return t;
    });
    @TempDir
    Path dir;
    private WorkstationSigningDialog dialog;
    private Stage owner;
    private SimulatedPadRig.SimulatedDevice device;

    @Start
    void start(Stage stage) {
        new Theme().apply(); // the app's theme, whose colours the dialog's stylesheet looks up
        owner = stage;
        stage.setScene(new Scene(new StackPane(new Label("session")), 800, 600));
        stage.show();
        dialog = new WorkstationSigningDialog(i18n, stage);
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdownNow();
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : Window.getWindows().toArray(new Window[0])) {
                if (w != owner && w instanceof Stage s) {
                    s.close();
                }
            }
        }).get(30, TimeUnit.SECONDS);
        if (device != null) {
            device.close();
        }
    }

    private Future<Capture> capture() throws TimeoutException {
        Future<Capture> f = worker.submit(() -> dialog.capture(SLOT, 7));
        WindowWait.laidOut(dialog::openWindow, "#wsSignCanvas");
        return f;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static SignatureCanvas canvas(FxRobot robot) {
        return robot.lookup("#wsSignCanvas").queryAs(SignatureCanvas.class);
    }

    private static List<PenSample> canvasSamples(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(canvas(robot)::samples).get(10, TimeUnit.SECONDS);
    }

    private static boolean readerAlive(String port) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("signpad-reader-" + port));
    }

    @Test
    void signatureWrittenOnTheConfiguredPadIsTheCapture(FxRobot robot) throws Exception {
        device = SimulatedPadRig.startDevice(dir, "wang-feng");
        String port = device.hostEnd().toString();
        dialog.setPad("isdv4:" + port);
        Future<Capture> result = capture();

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#wsSignPad").contains("已连接"));
        assertThat(text(robot, "#wsSignPad")).isEqualTo(i18n.text("session.wsSign.pad.connected", "ISDV4 " + port))
                .contains("签名板：ISDV4 " + port + " 已连接");
        assertThat(readerAlive(port)).as("the pad is open while the window is").isTrue();
        assertThat(device.simulator().awaitFinished(Duration.ofSeconds(60))).as("the replay ran to the end").isTrue();
        int sent = device.simulator().sentCount();
        assertThat(sent).as("samples the simulator replayed").isGreaterThan(100);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> canvasSamples(robot).size() >= sent);
        List<PenSample> drawn = canvasSamples(robot);
        assertThat(drawn).hasSize(sent);
        PadInfo padInfo = WaitForAsyncUtils.asyncFx(canvas(robot)::getPadInfo).get(10, TimeUnit.SECONDS);
        assertThat(padInfo).as("the canvas shows the pad's coordinates").isNotEqualTo(SignatureCanvas.POINTER_PAD);
        assertThat(padInfo.port()).contains(port);
        assertThat(result.isDone()).as("waits for the signer's confirmation").isFalse();
        Screenshots.save(dialog.openWindow().getScene(), "workstation-signing-pad");

        robot.type(KeyCode.ENTER);
        Capture c = result.get(10, TimeUnit.SECONDS);
        assertThat(c.samples()).hasSize(sent);
        assertThat(c.samples()).extracting(StrokeSample::x)
                .containsExactlyElementsOf(drawn.stream().map(PenSample::x).toList());
        assertThat(c.samples()).extracting(StrokeSample::hostNanos)
                .containsExactlyElementsOf(drawn.stream().map(PenSample::hostNanos).toList());
        for (int i = 1; i < c.samples().size(); i++) {
            assertThat(c.samples().get(i).hostNanos()).as("sample %d later than the one before", i)
                    .isGreaterThan(c.samples().get(i - 1).hostNanos());
        }
        assertThat(c.samples().stream().filter(StrokeSample::contact).count()).isGreaterThan(50);
        assertThat(c.device()).isEqualTo(new PadSpec("isdv4", port).deviceInfo(padInfo))
                .isNotEqualTo(WorkstationSigningDialog.CANVAS);
        assertThat(c.device().vendor()).contains("ISDV4");
        assertThat(c.device().model()).isEqualTo(padInfo.model());
        assertThat(c.device().width()).isEqualTo(padInfo.maxX());
        assertThat(c.device().maxPressure()).isEqualTo(padInfo.maxPressure());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !readerAlive(port));
        assertThat(dialog.openWindow()).isNull();
    }

    @Test
    void closingTheWindowClosesThePad(FxRobot robot) throws Exception {
        device = SimulatedPadRig.startDevice(dir, "tian-li");
        String port = device.hostEnd().toString();
        dialog.setPad("ISDV4:" + port);
        Future<Capture> result = capture();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#wsSignPad").contains("已连接"));
        assertThat(readerAlive(port)).isTrue();
        Stage window = dialog.openWindow();
        robot.interact(() -> window.fireEvent(new javafx.stage.WindowEvent(window,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, result::isDone);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !readerAlive(port));
    }

    private void mouseStillSigns(FxRobot robot, String setting, String... said) throws Exception {
        dialog.setPad(setting);
        Future<Capture> result = capture();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !text(robot, "#wsSignPad").isEmpty()
                && !text(robot, "#wsSignPad").contains("正在连接"));
        String status = text(robot, "#wsSignPad");
        assertThat(status).contains(said).contains("请用鼠标或触摸在框内签名").doesNotContain("已连接");
        assertThat(robot.lookup("#wsSignPad").queryAs(Label.class).getStyleClass()).contains(Styles.ERROR_TEXT);

        robot.moveTo("#wsSignCanvas").moveBy(-200, -40).press(MouseButton.PRIMARY).moveBy(40, 30).moveBy(40, -30)
                .moveBy(40, 30).moveBy(40, -30).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int n = canvasSamples(robot).size();
        assertThat(n).isGreaterThanOrEqualTo(5);
        robot.type(KeyCode.ENTER);
        Capture c = result.get(10, TimeUnit.SECONDS);
        assertThat(c.samples()).hasSize(n);
        assertThat(c.device()).isEqualTo(WorkstationSigningDialog.CANVAS);
    }

    @Test
    void unknownProtocolIsSaidAndTheMouseStillSigns(FxRobot robot) throws Exception {
        mouseStillSigns(robot, "WACOM9:/dev/ttyUSB0", "签名板设置有误", "WACOM9", "未知", "ISDV4", "STU");
    }

    @Test
    void missingPortIsSaidAndTheMouseStillSigns(FxRobot robot) throws Exception {
        mouseStillSigns(robot, "ISDV4", "签名板设置有误", "缺少端口", "ISDV4:/dev/ttyUSB0");
    }

    @Test
    void padThatCannotBeOpenedIsSaidAndTheMouseStillSigns(FxRobot robot) throws Exception {
        String port = dir.resolve("no-such-tty").toString();
        mouseStillSigns(robot, "ISDV4:" + port, "签名板：ISDV4 " + port + " 无法打开");
    }

    @Test
    void noPadConfiguredShowsNoPadLine(FxRobot robot) throws Exception {
        dialog.setPad(" ");
        capture();
        assertThat(robot.lookup("#wsSignPad").tryQuery()).isEmpty();
    }
}
