// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.archive.ArchiveView;
import org.tixun.app.ui.archive.ArchiveViewModel;
import org.tixun.app.ui.login.LoginView;
import org.tixun.app.ui.login.LoginViewModel;
import org.tixun.app.ui.setup.SetupView;
import org.tixun.app.ui.setup.SetupViewModel;
import org.tixun.app.ui.shell.ModeChooserView;
import org.tixun.app.ui.shell.TopBar;
import org.tixun.app.ui.shell.WindowPlacement;
import org.tixun.app.ui.workstation.RemoteSessionActions;
import org.tixun.app.ui.workstation.SessionView;
import org.tixun.app.ui.workstation.SessionViewModel;
import org.tixun.app.ui.workstation.WorkstationView;
import org.tixun.app.ui.workstation.WorkstationViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.demo.DemoData;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.pki.Pki;
import org.tixun.demo.DemoSessionPair;
import org.tixun.demo.SessionScript;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.Role;

/**
 * Every workstation, archive, login and set-up screen in Chinese, then switched to English: no label, button or column
 * header cut off, no stylesheet problem, and (with real windows) every window at least 800×560. With
 * {@code -Dtixun.screenshots=DIR} each is saved as {@code DIR/<screen>-<lang>-<tag>.png}.
 *
 * <p>On Monocle (the normal test run) the windows get the size {@code -Dtixun.screens.size} (default 1366x768). Under
 * a real display (desktop/app/screenshots.sh: Xvfb, openbox, GTK, {@code -Dglass.gtk.uiScale}) they open as the app
 * opens them, at their remembered or default size, and the window manager has its say.
 */
@ExtendWith(ApplicationExtension.class)
class ScreensTest {
    @TempDir
    static Path dir;
    private static CoreServices core;
    private static org.tixun.core.records.RecordSummary sealed;
    private static final boolean REAL = !"Monocle".equals(System.getProperty("glass.platform"));
    private static final String TAG = System.getProperty("tixun.screens.tag", "1366x768-100");
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void data() throws Exception {
        CssErrors.install();
        // The app's theme, as TixunApplication applies it (the user-agent stylesheet defines the looked-up colours).
        org.testfx.api.FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            new Theme().apply();
            Theme.ensureCjkFont();
        }).get(60, TimeUnit.SECONDS);
        core = TestApp.core(dir.resolve("data"));
        DemoData.ensure(core, TestApp.FAST);
        HeadlessDemo.Outcome demo = HeadlessDemo.run(dir.resolve("out"), DemoData.keys(core));
        byte[] pdf = Files.readAllBytes(dir.resolve("out/sealed.pdf"));
        var c = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
        sealed = core.records().createDraft("t", c, "INTERROGATION_RECORD", "讯问笔录（第一次）");
        Path copy = dir.resolve("record-" + sealed.id() + ".pdf");
        Files.write(copy, pdf);
        // filed as sealing files it: the document and its recording's segments into the archive, queued for sync
        org.tixun.core.recording.RecordFiling.of(core).fileSealed("t", sealed.id(), copy, Pki.sha256Hex(pdf),
                demo.recordingDir());
    }

    @AfterAll
    static void close() throws Exception {
        // The theme is process-wide: the other UI tests of this JVM are laid out with JavaFX's default.
        WaitForAsyncUtils.asyncFx(() -> javafx.application.Application.setUserAgentStylesheet(null))
                .get(60, TimeUnit.SECONDS);
        if (core != null) {
            core.close();
        }
    }

    private AppContext context(boolean admin) {
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        ctx.currentUserProperty().set(core.users().find(admin ? "admin" : "zhangwei").orElseThrow());
        return ctx;
    }

    private static Parent withTopBar(AppContext ctx, Parent content, AppMode mode) {
        BorderPane pane = new BorderPane(content);
        pane.setTop(new TopBar(ctx, ctx.i18n().bind("mode." + mode.name()), () -> { }));
        return pane;
    }

    /** Opens the screen, checks it in Chinese, switches to English, checks again; returns the stage (open). */
    private Stage check(FxRobot robot, String name, AppContext ctx, WindowPlacement.Kind kind,
            Function<Stage, Parent> build, java.util.function.Consumer<Stage> prepare) throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(build.apply(s)));
            Theme.style(s.getScene());
            if (REAL) {
                WindowPlacement.shared().apply(s, kind);
            } else {
                String[] size = System.getProperty("tixun.screens.size", "1366x768").split("x");
                s.setWidth(Double.parseDouble(size[0]));
                s.setHeight(Double.parseDouble(size[1]));
            }
            s.setTitle(name);
            s.show();
            return s;
        }).get(60, TimeUnit.SECONDS);
        if (prepare != null) {
            prepare.accept(stage);
        }
        settle();
        inspect(stage, name + "-zh");
        robot.interact(() -> ctx.i18n().localeProperty().set(I18n.ENGLISH));
        settle();
        inspect(stage, name + "-en");
        return stage;
    }

    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        if (REAL) {
            // The window manager maps and sizes the window, and the app re-asserts its size (JDK-8316423).
            Thread.sleep(700);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void inspect(Stage stage, String name) throws Exception {
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            List<String> found = new ArrayList<>(ScreenChecks.truncated(stage.getScene().getRoot()));
            found.addAll(ScreenChecks.staleComboBoxes(stage.getScene().getRoot()));
            return found;
        }).get(30, TimeUnit.SECONDS);
        cut.forEach(c -> problems.add(name + ": " + c));
        if (REAL) {
            List<Window> windows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()))
                    .get(10, TimeUnit.SECONDS);
            ScreenChecks.tooSmall(windows, WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT)
                    .forEach(p -> problems.add(name + ": " + p));
        }
        CssErrors.seen().forEach(e -> problems.add(name + ": stylesheet: " + e));
        CssErrors.clear();
        Screenshots.save(stage.getScene(), name + "-" + TAG);
    }

    private static void closeStage(FxRobot robot, Stage stage) {
        robot.interact(stage::close);
    }

    @Test
    void loginChooserAndSetupFit(FxRobot robot) throws Exception {
        AppContext ctx = context(false);
        closeStage(robot, check(robot, "login", ctx, WindowPlacement.Kind.LOGIN, s -> new LoginView(ctx,
                new LoginViewModel(ctx, AppMode.WORKSTATION), u -> { }), null));
        AppContext ctx2 = context(false);
        closeStage(robot, check(robot, "chooser", ctx2, WindowPlacement.Kind.CHOOSER,
                s -> new ModeChooserView(ctx2, m -> { }), null));
        AppContext ctx3 = context(false);
        SetupViewModel setup = new SetupViewModel(ctx3, TestApp.FAST);
        closeStage(robot, check(robot, "setup", ctx3, WindowPlacement.Kind.SETUP, s -> new SetupView(ctx3, setup,
                m -> { }), s -> robot.interact(setup::validate)));
        assertThat(problems).isEmpty();
    }

    @Test
    void workstationAndTerminalsDialogFit(FxRobot robot) throws Exception {
        AppContext ctx = context(true);
        Stage main = check(robot, "workstation", ctx, WindowPlacement.Kind.WORKSTATION,
                s -> withTopBar(ctx, new WorkstationView(ctx, new WorkstationViewModel(ctx)), AppMode.WORKSTATION),
                s -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    TableView<?> cases = robot.lookup("#caseTable").queryAs(TableView.class);
                    robot.interact(() -> cases.getSelectionModel().select(0));
                });
        closeStage(robot, main);
        AppContext ctx2 = context(true);
        Stage[] dialog = new Stage[1];
        Stage terminals = check(robot, "terminals", ctx2, WindowPlacement.Kind.TERMINALS, s -> {
            dialog[0] = new RemoteSessionActions(ctx2).terminalsDialog();
            Parent root = dialog[0].getScene().getRoot();
            dialog[0].getScene().setRoot(new javafx.scene.layout.Region());
            return root;
        }, null);
        closeStage(robot, terminals);
        assertThat(problems).isEmpty();
    }

    @Test
    void archiveAndEveryDetailTabFit(FxRobot robot) throws Exception {
        AppContext ctx = context(false);
        Stage stage = check(robot, "archive", ctx, WindowPlacement.Kind.ARCHIVE,
                s -> withTopBar(ctx, new ArchiveView(ctx, new ArchiveViewModel(ctx)), AppMode.ARCHIVE), s -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    @SuppressWarnings("unchecked")
                    TableView<org.tixun.core.records.RecordSummary> table =
                            robot.lookup("#archiveTable").queryAs(TableView.class);
                    robot.interact(() -> table.getItems().stream().filter(r -> r.id().equals(sealed.id()))
                            .findFirst().ifPresent(table.getSelectionModel()::select));
                });
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        String[] names = {"signatures", "pages", "photos", "audit", "sync", "recording"};
        for (Locale locale : List.of(I18n.CHINESE, I18n.ENGLISH)) {
            robot.interact(() -> ctx.i18n().localeProperty().set(locale));
            for (int i = 0; i < names.length; i++) {
                int index = i;
                robot.interact(() -> tabs.getSelectionModel().select(index));
                settle();
                inspect(stage, "archive-" + names[i] + "-" + locale.getLanguage());
            }
        }
        closeStage(robot, stage);
        assertThat(problems).isEmpty();
    }

    @Test
    void sessionScreenFitsAndConfirmsBeforeFreezing(FxRobot robot) throws Exception {
        AppContext ctx = context(false);
        try (DemoSessionPair pair = DemoSessionPair.start(core, "看守所 讯问室 2", "工作站 1",
                org.tixun.core.archive.ArchiveService.of(core)::fileSealed)) {
            SessionViewModel vm = new SessionViewModel(ctx.i18n(), pair.workstation(), pair.workstationLink(),
                    SessionScript.demo().baseData());
            Stage stage = check(robot, "session", ctx, WindowPlacement.Kind.SESSION, s -> new SessionView(ctx, vm),
                    s -> {
                        try {
                            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.connectedProperty().get());
                        } catch (java.util.concurrent.TimeoutException e) {
                            throw new AssertionError("the demo link did not connect", e);
                        }
                        robot.interact(() -> robot.lookup("#sessionEditor").queryAs(javafx.scene.control.TextArea.class)
                                .setText("问：你是否同意以远程视频方式接受讯问？\n答：同意，{~~三百元~>四百六十元~~}。"));
                    });
            closeStage(robot, stage);
        }
        assertThat(problems).isEmpty();
    }
}
