// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.app.ui.workstation.WorkstationSigningDialog;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.Capture;
import org.tixun.signpad.model.PenSample;

/**
 * The workstation's signing window for its own slots in a remote session: {@code capture} (called off the FX thread,
 * as the flow's worker does) blocks until the signer writes on the canvas and confirms with Enter; the capture holds
 * exactly the drawn samples. An empty canvas only shows a message; Esc clears; closing the window refuses with a
 * zh+en message; interrupting the waiting thread (the session closing) takes the window away.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationSigningDialogTest {
    private static final PlannedSlot SLOT = new PlannedSlot("interrogator-1-p2", 1, SlotKind.SIGNATURE,
            new SignerIdentity("张伟", SignerRole.INTERROGATOR, "检察官"));
    private final I18n i18n = new I18n(I18n.CHINESE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-flow-worker");
        t.setDaemon(true);
        return t;
    });
    private WorkstationSigningDialog dialog;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(new Label("session")), 800, 600);
        stage.setScene(scene);
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
    }

    private Future<Capture> capture(PlannedSlot slot) {
        Future<Capture> f = worker.submit(() -> dialog.capture(slot, 101));
        awaitWindow();
        return f;
    }

    private void awaitWindow() {
        WindowWait.laidOut(dialog::openWindow, "#wsSignCanvas");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Two strokes across the canvas with the mouse. */
    private static void draw(FxRobot robot) {
        robot.moveTo("#wsSignCanvas").moveBy(-200, -40).press(MouseButton.PRIMARY).moveBy(40, 30).moveBy(40, -30)
                .moveBy(40, 30).moveBy(40, -30).release(MouseButton.PRIMARY);
        robot.moveBy(-120, 60).press(MouseButton.PRIMARY).moveBy(30, -20).moveBy(60, 10).moveBy(30, 20)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<PenSample> canvasSamples(FxRobot robot) throws Exception {
        SignatureCanvas canvas = robot.lookup("#wsSignCanvas").queryAs(SignatureCanvas.class);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(canvas::samples).get(10, TimeUnit.SECONDS);
    }

    @Test
    void drawnSignatureConfirmedWithEnterIsTheCapture(FxRobot robot) throws Exception {
        Future<Capture> result = capture(SLOT);
        Stage window = dialog.openWindow();
        assertThat(window.getTitle()).contains("工作站签名").contains("张伟");
        assertThat(window.getOwner()).as("in front of the session window").isSameAs(owner);
        assertThat(text(robot, "#wsSignWho")).contains("张伟").contains("讯问人");
        assertThat(text(robot, "#wsSignWhat")).contains("第 2 页").contains("签名");

        draw(robot);
        List<PenSample> drawn = canvasSamples(robot);
        assertThat(drawn).as("pointer samples on the canvas").hasSizeGreaterThanOrEqualTo(10);
        Screenshots.save(window.getScene(), "workstation-signing");
        assertThat(result.isDone()).as("waits for the signer's confirmation").isFalse();

        robot.type(KeyCode.ENTER);
        Capture c = result.get(10, TimeUnit.SECONDS);
        assertThat(c.samples()).hasSize(drawn.size());
        assertThat(c.samples()).extracting(StrokeSample::hostNanos)
                .containsExactlyElementsOf(drawn.stream().map(PenSample::hostNanos).toList());
        assertThat(c.samples()).extracting(StrokeSample::x)
                .containsExactlyElementsOf(drawn.stream().map(PenSample::x).toList());
        assertThat(c.samples().stream().filter(StrokeSample::contact).count()).isGreaterThanOrEqualTo(8);
        for (int i = 1; i < c.samples().size(); i++) {
            assertThat(c.samples().get(i).hostNanos()).as("sample %d later than the one before", i)
                    .isGreaterThan(c.samples().get(i - 1).hostNanos());
            assertThat(c.samples().get(i).tMillis()).isGreaterThanOrEqualTo(c.samples().get(i - 1).tMillis());
        }
        assertThat(c.monotonicEndNanos()).isGreaterThan(c.monotonicStartNanos());
        assertThat(c.hostEnd()).isAfter(c.hostStart());
        assertThat(c.device()).isEqualTo(WorkstationSigningDialog.CANVAS);
        assertThat(c.fingerprintPng()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isShowing()).as("the window closed").isFalse();
        assertThat(dialog.openWindow()).isNull();
    }

    @Test
    void emptyCanvasIsNotConfirmedAndEscClears(FxRobot robot) throws Exception {
        Future<Capture> result = capture(SLOT);
        Stage window = dialog.openWindow();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#wsSignMessage")).isEqualTo(i18n.text("session.wsSign.empty"))
                .contains("还没有签名");
        // Enter is handled on the FX thread; had it confirmed, the future would be complete once the events ran.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.isDone()).as("still waiting").isFalse();
        assertThat(window.isShowing()).isTrue();

        draw(robot);
        assertThat(canvasSamples(robot)).isNotEmpty();
        robot.type(KeyCode.ESCAPE);
        assertThat(canvasSamples(robot)).as("Esc clears the canvas").isEmpty();
        assertThat(text(robot, "#wsSignMessage")).isEmpty();
        assertThat(window.isShowing()).as("Esc does not close the window").isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#wsSignMessage")).isEqualTo(i18n.text("session.wsSign.empty"));
        assertThat(result.isDone()).isFalse();

        draw(robot);
        int n = canvasSamples(robot).size();
        robot.clickOn("#wsSignConfirm");
        Capture c = result.get(10, TimeUnit.SECONDS);
        assertThat(c.samples()).hasSize(n);
        assertThat(window.isShowing()).isFalse();
    }

    @Test
    void closingTheWindowRefusesWithAMessage(FxRobot robot) throws Exception {
        Future<Capture> result = capture(SLOT);
        Stage window = dialog.openWindow();
        draw(robot);
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(org.tixun.core.session.flow.SigningCancelledException.class)
                .hasMessageContaining("工作站签名窗口已关闭而未签名").hasMessageContaining("张伟")
                .hasMessageContaining("第 2 页").hasMessageContaining("closed without signing");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isShowing()).isFalse();
        assertThat(dialog.openWindow()).isNull();
    }

    @Test
    void interruptingTheWaitingThreadTakesTheWindowAway(FxRobot robot) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread flowWorker = new Thread(() -> {
            try {
                dialog.capture(SLOT, 101);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "test-interrupted-worker");
        flowWorker.start();
        awaitWindow();
        Stage window = dialog.openWindow();
        flowWorker.interrupt();
        flowWorker.join(10_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isShowing());
        assertThat(dialog.openWindow()).isNull();
        // The next slot opens a fresh window.
        Future<Capture> next = capture(new PlannedSlot("recorder-1-p1", 0, SlotKind.SIGNATURE,
                new SignerIdentity("李娜", SignerRole.RECORDER, "书记员")));
        assertThat(text(robot, "#wsSignWho")).contains("李娜").contains("记录人");
        draw(robot);
        robot.type(KeyCode.ENTER);
        assertThat(next.get(10, TimeUnit.SECONDS).samples()).isNotEmpty();
    }

}
