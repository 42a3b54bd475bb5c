// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
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
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.terminal.TerminalKiosk;
import org.tixun.app.ui.workstation.RemoteSessionActions;
import org.tixun.core.services.CoreServices;
import org.tixun.core.cases.CaseFile;
import org.tixun.demo.DemoData;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.session.flow.RemoteSession;
import org.tixun.core.store.Settings;

/**
 * The workstation's 「远程提讯」 action on a record: with a terminal kiosk enrolled and waiting on loopback, it opens the
 * session window, the link comes up over mutual TLS, the kiosk switches to the session, and what the recorder types
 * appears on the terminal (live record) with the latency echoed back; the start is audited.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteSessionStartTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private AppContext ctx;
    private final AtomicReference<TerminalKiosk> kiosk = new AtomicReference<>();
    private final AtomicReference<RemoteSession> session = new AtomicReference<>();
    private Stage stage;
    private int port;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        ctx = TestApp.context(core, I18n.CHINESE, true);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : Window.getWindows().toArray(new Window[0])) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        }).get(30, TimeUnit.SECONDS);
        if (session.get() != null) {
            session.get().close();
        }
        if (kiosk.get() != null) {
            kiosk.get().close();
        }
        core.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits until the terminal has put the workstation's newest live revision on screen. */
    private void awaitShownOnTerminal() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long revision = session.get().flow().live().revision();
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                var shown = kiosk.get().station().flow().latestLive();
                return shown != null && shown.revision() >= revision;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            var shown = kiosk.get().station().flow().latestLive();
            throw new AssertionError("revision " + revision + " not on the terminal; it shows "
                    + (shown == null ? "nothing" : shown.revision()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The paragraph being typed (the newest live update's cursor) lies inside the terminal's viewport. */
    private void assertCursorInView(javafx.scene.control.ScrollPane scroll) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var update = kiosk.get().station().flow().latestLive();
        assertThat(update.cursorY()).as("a cursor position").isBetween(0.0, 1.0);
        double[] view = WaitForAsyncUtils.asyncFx(() -> {
            var image = (ImageView) scroll.getContent();
            double content = image.getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double top = scroll.getVvalue() * Math.max(0, content - viewport);
            return new double[] {update.cursorY() * content, top, top + viewport};
        }).get(10, TimeUnit.SECONDS);
        assertThat(view[0]).as("cursor at %.0f px, viewport %.0f-%.0f px", view[0], view[1], view[2])
                .isBetween(view[1], view[2]);
    }

    @Test
    void startsASessionOnARecordWithTheEnrolledTerminal(FxRobot robot) throws Exception {
        String address = "127.0.0.1:" + port;
        WaitForAsyncUtils.asyncFx(() -> {
            TerminalKiosk k = new TerminalKiosk(ctx, address, "测试终端", new org.tixun.sim.SimulatedDevices("synthetic:2"));
            kiosk.set(k);
            Scene scene = new Scene(k, 1100, 860);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            k.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#enrollCode").tryQuery().isPresent()
                && !text(robot, "#enrollCode").isEmpty());
        Screenshots.save(stage.getScene(), "terminal-enrollment");
        AtomicReference<RemoteSessionActions.Outcome> outcome = new AtomicReference<>();
        new RemoteSessionActions(ctx).enroll(address, text(robot, "#enrollCode"), "测试终端",
                DemoData.KEYSTORE_PASSPHRASE.toCharArray(), outcome::set);
        assertThat(outcome.get().ok()).as(outcome.get().text()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#selfTestRun").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#selfTestRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#selfTestMic").equals("…"));
        Screenshots.save(stage.getScene(), "terminal-self-test");
        robot.interact(() -> robot.lookup("#selfTestContinue").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#terminalWaiting").tryQuery().isPresent());

        core.settings().put(Settings.TERMINAL_ADDRESS, address);
        CaseFile c = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        RecordSummary record = core.records().createDraft("workstation", c, "INTERROGATION_RECORD", "讯问笔录（远程提讯）");
        WaitForAsyncUtils.asyncFx(() -> session.set(new RemoteSessionActions(ctx).startSession(record)))
                .get(60, TimeUnit.SECONDS);
        assertThat(session.get()).as("the session started").isNotNull();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#sessionLinkState").tryQuery().isPresent()
                && text(robot, "#sessionLinkState").contains("已连接"));
        assertThat(text(robot, "#sessionTerminal")).contains("测试终端");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#terminalLiveImage").tryQuery().isPresent());

        // As in a real session, the identity checks come first while the renderer warms up (bounded here).
        session.get().flow().live().awaitWarmedUp(8_000);
        Screenshots.save(robot.lookup("#sessionView").query().getScene(), "workstation-start-session");
        TextArea editor = robot.lookup("#sessionEditor").queryAs(TextArea.class);
        robot.interact(() -> {
            editor.setText("问：你叫什么名字？\n答：我叫李建国。");
            editor.positionCaret(editor.getLength());
        });
        ImageView live = robot.lookup("#terminalLiveImage").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live.getImage() != null);
        assertThat(live.getImage().getWidth()).as("an A4 page at 100 dpi").isBetween(800.0, 850.0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#sessionDiagnostics").isEmpty());
        assertThat(text(robot, "#sessionDiagnostics")).startsWith("同屏延迟");
        assertThat(core.audit().entriesFor(record.id())).extracting(e -> e.action()).contains("REMOTE_SESSION_STARTED");

        // A full page: the terminal scrolls so the paragraph being typed stays in view.
        javafx.scene.Node n = live;
        while (!(n instanceof javafx.scene.control.ScrollPane)) {
            n = n.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) n;
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            many.append("问：第").append(i).append("个问题，请你如实回答，说清楚时间和地点。\n答：第").append(i)
                    .append("个回答，我记得很清楚，那天我一直在公司上班，没有离开过。\n");
        }
        robot.interact(() -> {
            editor.setText(many.toString().strip());
            editor.positionCaret(editor.getLength());
        });
        awaitShownOnTerminal();
        assertCursorInView(scroll);
        // The caret back in the first answer: page 1, scrolled to it.
        robot.interact(() -> {
            editor.positionCaret(editor.getText().indexOf("第1个回答") + 3);
            editor.insertText(editor.getCaretPosition(), "，补充");
        });
        awaitShownOnTerminal();
        assertThat(text(robot, "#terminalLivePage")).startsWith("第 1 页");
        assertCursorInView(scroll);

        // The session window closed (or the program ended) mid-typing: 「远程提讯」 on the same record takes the same
        // session up again, with what was typed.
        String typed = editor.getText();
        long shownBefore = kiosk.get().station().flow().latestLive().revision();
        String firstSession = session.get().flow().state().recordingId();
        WaitForAsyncUtils.asyncFx(() -> ((Stage) robot.lookup("#sessionView").query().getScene().getWindow()).close())
                .get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sessionView").tryQuery().isEmpty());
        session.set(null);
        WaitForAsyncUtils.asyncFx(() -> session.set(new RemoteSessionActions(ctx).startSession(record)))
                .get(60, TimeUnit.SECONDS);
        assertThat(session.get()).as("the session started again").isNotNull();
        assertThat(session.get().flow().state().recordingId()).as("the same session").isEqualTo(firstSession);
        TextArea resumed = robot.lookup("#sessionEditor").queryAs(TextArea.class);
        assertThat(resumed.getText()).as("the typed text is back").isEqualTo(typed);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#sessionLinkState").contains("已连接"));
        awaitShownOnTerminal();
        assertThat(kiosk.get().station().flow().latestLive().revision())
                .as("the restarted workstation's live record is shown, not dropped as older").isGreaterThan(shownBefore);
        assertCursorInView(scroll);
    }
}
