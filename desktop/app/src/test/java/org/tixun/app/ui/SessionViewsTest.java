// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
import org.tixun.app.ui.terminal.TerminalSessionView;
import org.tixun.app.ui.workstation.SessionView;
import org.tixun.app.ui.workstation.SessionViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.demo.DemoSessionPair;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.demo.SessionScript;
import org.tixun.core.session.flow.TerminalFlow;

/**
 * Workstation and terminal session screens side by side over a real loopback link: typing shows the record on the
 * terminal, Ctrl+Enter freezes and sends it, the terminal offers the reading choice, and a signature drawn on the
 * canvas arrives at the workstation's progress list.
 */
@ExtendWith(ApplicationExtension.class)
class SessionViewsTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private DemoSessionPair pair;
    private TerminalSessionView terminal;
    private AppContext ctx;
    private SessionViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        core = TestApp.core(dir);
        DemoData.ensure(core, TestApp.FAST);
        ctx = TestApp.context(core, I18n.CHINESE, true);
        pair = DemoSessionPair.start(core, "测试终端", "测试工作站",
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed);
        vm = new SessionViewModel(ctx.i18n(), pair.workstation(), pair.workstationLink(),
                SessionScript.demo().baseData());
        SessionView workstation = new SessionView(ctx, vm);
        terminal = new TerminalSessionView(ctx, pair.terminal(), pair.terminalLink(), org.tixun.demo.DemoPhotos.source(), null);
        HBox both = new HBox(workstation, terminal);
        HBox.setHgrow(workstation, Priority.ALWAYS);
        HBox.setHgrow(terminal, Priority.ALWAYS);
        stage.setScene(new Scene(both, 1560, 900));
        // Styled as the app styles its windows (the terminal's stylesheet looks up the theme's colours).
        new Theme().apply();
        Theme.style(stage.getScene());
        // The primary stage is shared by the UI tests of this JVM: an earlier one may have left a size or a minimum
        // on it (WindowPlacement), which would squeeze the terminal's half. Size it for this test.
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setMaximized(false);
        stage.setWidth(1560);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        pair.close();
        core.close();
    }

    private static boolean visible(FxRobot robot, String id) {
        for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void typingShowsOnTheTerminalAndACanvasSignatureReachesTheWorkstation(FxRobot robot) throws Exception {
        assertThat(visible(robot, "#terminalSelfTest")).isTrue();
        robot.clickOn("#selfTestContinue");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#sessionLinkState").queryAs(Label.class).getText().equals("已连接"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> robot.lookup("#sessionEditor").queryAs(TextArea.class)
                .setText("问：你是否同意以远程视频方式接受讯问？\n答：同意。"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#terminalLivePage").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#terminalLiveImage").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#terminalLivePage").queryAs(Label.class).getText()).startsWith("第 1 页");

        robot.clickOn("#sessionEditor").press(javafx.scene.input.KeyCode.CONTROL)
                .press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#terminalReadSelf"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#terminalInstruction").queryAs(Label.class).getText()).isEqualTo("请阅读笔录");

        robot.clickOn("#terminalReadSelf");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#terminalReadingDone"));
        while (robot.lookup("#terminalReadingDone").queryButton().isDisabled()) {
            robot.clickOn("#terminalNextPage");
        }
        robot.clickOn("#terminalReadingDone");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#terminalSignatureCanvas"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#terminalInstruction").queryAs(Label.class).getText()).isEqualTo("请签名");
        assertThat(robot.lookup("#terminalPlace").queryAs(Label.class).getText()).isEqualTo("第 1 页 · 页尾签名处");

        robot.clickOn("#terminalConfirmSignature");
        assertThat(robot.lookup("#terminalMessage").queryAs(Label.class).getText()).contains("还没有签名");

        robot.moveTo("#terminalSignatureCanvas").moveBy(-120, 0).press(MouseButton.PRIMARY).moveBy(60, 25)
                .moveBy(60, -25).moveBy(60, 20).release(MouseButton.PRIMARY);
        robot.clickOn("#terminalConfirmSignature");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progress().stream()
                .anyMatch(r -> r.contains("犯罪嫌疑人") && r.contains("已签 1/")));
        WaitForAsyncUtils.waitForFxEvents();
        // Progress by name, role and page, never event ids.
        assertThat(vm.progress().get(0)).contains("（犯罪嫌疑人）").contains("终端")
                .contains("下一处：第 1 页").doesNotContain("ws-").doesNotContain("suspect-");
        assertThat(((TestApp.RecordingDialogs) ctx.dialogs()).shown).anyMatch(m -> m.startsWith("ASK")
                && m.contains("笔录共") && m.contains("在终端签名") && m.contains("犯罪嫌疑人"));
        // Frozen: the editor is read-only and freezing again is not offered.
        assertThat(robot.lookup("#sessionEditor").queryAs(TextArea.class).isEditable()).isFalse();
        assertThat(robot.lookup("#sessionFreeze").queryButton().isDisabled()).isTrue();
        assertThat(pair.terminal().current().kind()).isEqualTo(TerminalFlow.StepKind.SLOT);
        assertThat(pair.terminal().current().index()).isEqualTo(1);
        assertThat(pair.workstation().state().readingPath()).isEqualTo("READ");
    }
}
