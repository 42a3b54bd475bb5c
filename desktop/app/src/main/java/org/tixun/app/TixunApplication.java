// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.FxDialogService;
import org.tixun.app.ui.FxTaskRunner;
import org.tixun.app.ui.Theme;
import org.tixun.app.ui.archive.ArchiveView;
import org.tixun.app.ui.archive.ArchiveViewModel;
import org.tixun.app.ui.login.LoginView;
import org.tixun.app.ui.login.LoginViewModel;
import org.tixun.app.ui.setup.SetupView;
import org.tixun.app.ui.setup.SetupViewModel;
import org.tixun.app.ui.shell.ModeChooserView;
import org.tixun.app.ui.shell.TopBar;
import org.tixun.app.ui.terminal.KioskViewModel;
import org.tixun.app.ui.terminal.TerminalView;
import org.tixun.app.ui.terminal.TerminalWindows;
import org.tixun.app.ui.workstation.WorkstationView;
import org.tixun.app.ui.workstation.WorkstationViewModel;
import org.tixun.core.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.demo.DemoData;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.User;
import org.tixun.templates.Lang;
import org.tixun.templates.TemplateRegistry;

/** The JavaFX application: opens the store, then the setup wizard, login and the chosen mode's window. */
public final class TixunApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TixunApplication.class);

    private static volatile LaunchRequest request;
    private static volatile int exitCode;

    private FxTaskRunner tasks;
    private CoreServices core;
    private AppContext ctx;

    static void prepare(LaunchRequest launchRequest) {
        request = launchRequest;
        exitCode = 0;
    }

    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage primary) {
        long started = System.nanoTime();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught exception in {}", t.getName(), e);
            if (Platform.isFxApplicationThread() && ctx != null) {
                ctx.dialogs().showError(ctx.i18n().text("error.title"), ctx.i18n().text("error.unexpected", e));
            }
        });
        LaunchRequest req = request;
        Theme theme = new Theme();
        theme.apply();
        Theme.ensureCjkFont();
        I18n i18n = new I18n(req.locale());
        try {
            core = CoreServices.open(req.dataDir());
        } catch (TixunException e) {
            exitCode = e.exit().code();
            new FxDialogService().showError(i18n.text("error.startup"), e.getMessage());
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        Supplier<List<AppContext.TemplateChoice>> templates = () -> TemplateRegistry.load(core.dataDir().templates())
                .templates().stream()
                .map(t -> new AppContext.TemplateChoice(t.kind(), t.title(Lang.ZH), t.title(Lang.EN))).toList();
        ctx = new AppContext(core, i18n, theme, tasks, new FxDialogService(), req.demo(), templates);
        if (req.demo()) {
            startDemo(primary);
        } else if (req.mode() == null && MachineConfig.load(core.settings()).role() != null) {
            openMode(primary, MachineConfig.load(core.settings()).role());
        } else if (req.mode() == null) {
            show(primary, new ModeChooserView(ctx, mode -> openMode(primary, mode)), 960, 600);
        } else {
            openMode(primary, req.mode());
        }
        LOG.info("Tixun UI up in {} ms (mode {}, demo {})", (System.nanoTime() - started) / 1_000_000, req.mode(),
                req.demo());
    }

    private void startDemo(Stage workstation) {
        PasswordHasher hasher = PasswordHasher.DEFAULT;
        DemoData.ensure(core, hasher);
        DemoData.keys(core);
        User prosecutor = core.users().find("zhangwei").orElseThrow();
        ctx.currentUserProperty().set(prosecutor);
        // Side by side on one screen: the workstation left, the terminal (windowed kiosk) right.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double terminalWidth = TerminalWindows.demoBounds(screen).getWidth();
        openMain(workstation, AppMode.WORKSTATION);
        workstation.setX(screen.getMinX());
        workstation.setY(screen.getMinY());
        workstation.setWidth(Math.max(Math.min(TerminalWindows.MIN_WIDTH, screen.getWidth()),
                Math.min(1320, screen.getWidth() - terminalWidth)));
        workstation.setHeight(Math.min(860, screen.getHeight()));
        Stage terminal = new Stage();
        javafx.scene.Parent terminalRoot;
        try {
            terminalRoot = startDemoSession(workstation);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("demo remote session could not start; showing the idle kiosk", e);
            terminalRoot = new TerminalView(ctx, new KioskViewModel(ctx, hasher), terminal::close);
        }
        Rectangle2D terminalBounds = TerminalWindows.demoBounds(screen);
        show(terminal, terminalRoot, terminalBounds.getWidth(), terminalBounds.getHeight());
        TerminalWindows.demo(terminal, screen);
        terminal.setOnCloseRequest(e -> e.consume());
    }

    private org.tixun.core.session.flow.DemoSessionPair demoSession;
    private org.tixun.app.ui.terminal.TerminalKiosk terminalKiosk;

    /**
     * The demo's remote session: terminal and workstation linked in this process over loopback; the workstation
     * window gets the session screen as its first tab, the terminal window the kiosk session screens. With
     * {@code -Dtixun.demo.autoplay=true} the script starts by itself (screenshots).
     */
    private javafx.scene.Parent startDemoSession(Stage workstation) throws java.io.IOException {
        demoSession = org.tixun.core.session.flow.DemoSessionPair.start(core, "演示看守所 讯问室 1", "演示工作站", true);
        var script = org.tixun.core.session.flow.SessionScript.demo();
        var camera = demoSession.terminalMedia().photos();
        var pad = new org.tixun.core.session.flow.PadSignatureSource(
                core.dataDir().root().resolve("remote-session/terminal/pad"), 1000);
        var svm = new org.tixun.app.ui.workstation.SessionViewModel(ctx.i18n(), demoSession.workstation(),
                demoSession.workstationLink(), script.baseData());
        var sessionView = new org.tixun.app.ui.workstation.SessionView(ctx, svm);
        var terminalView = new org.tixun.app.ui.terminal.TerminalSessionView(ctx, demoSession.terminal(),
                demoSession.terminalLink(), camera, pad);
        demoSession.workstationMedia().sink().add(sessionView.video());
        demoSession.terminalMedia().sink().add(terminalView.video());
        svm.mutedProperty().addListener((o, was, on) -> {
            demoSession.workstationMedia().setPrivateMute(on);
            org.tixun.app.ui.workstation.RemoteSessionActions.notePrivateMute(demoSession.workstation().recording(),
                    on, ctx.actor());
        });
        Runnable play = () -> {
            terminalView.skipSelfTest();
            new org.tixun.app.ui.workstation.DemoAutoplay(sessionView.editor(), sessionView::freeze,
                    demoSession.workstation(), demoSession.terminal(), pad, camera, 1500,
                    m -> ctx.dialogs().showError(ctx.i18n().text("session.title"), m)).start();
        };
        sessionView.setAutoplay(play);
        javafx.scene.control.Tab sessionTab = new javafx.scene.control.Tab();
        sessionTab.textProperty().bind(ctx.i18n().bind("session.title"));
        sessionTab.setContent(sessionView);
        javafx.scene.control.Tab casesTab = new javafx.scene.control.Tab();
        casesTab.textProperty().bind(ctx.i18n().bind("mode.WORKSTATION"));
        javafx.scene.Parent cases = workstation.getScene().getRoot();
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(sessionTab, casesTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        workstation.getScene().setRoot(tabs);
        casesTab.setContent(cases);
        if (Boolean.getBoolean("tixun.demo.autoplay")) {
            javafx.application.Platform.runLater(play);
        }
        return terminalView;
    }

    private void openMode(Stage stage, AppMode mode) {
        if (!core.users().hasAdministrator()) {
            if (mode == AppMode.TERMINAL) {
                terminalSetup(stage);
                return;
            }
            SetupViewModel vm = new SetupViewModel(ctx, PasswordHasher.DEFAULT);
            vm.roleProperty().set(mode);
            // A terminal holds no institution keys: choosing it here switches to the terminal's own first run.
            vm.roleProperty().addListener((o, was, role) -> {
                if (role == AppMode.TERMINAL) {
                    Platform.runLater(() -> terminalSetup(stage));
                }
            });
            show(stage, new SetupView(ctx, vm, chosen -> login(stage, chosen)), 900, 860);
            return;
        }
        login(stage, mode);
    }

    /** The detention-centre terminal's first run: its name, port, administrator and PIN only. */
    private void terminalSetup(Stage stage) {
        var vm = new org.tixun.app.ui.setup.TerminalSetupViewModel(ctx, PasswordHasher.DEFAULT);
        show(stage, new org.tixun.app.ui.setup.TerminalSetupView(ctx, vm, chosen -> login(stage, chosen),
                () -> openMode(stage, AppMode.WORKSTATION)), 900, 860);
        TerminalWindows.sizeShown(stage, 900, 860, Screen.getPrimary().getVisualBounds());
    }

    private void login(Stage stage, AppMode mode) {
        LoginViewModel vm = new LoginViewModel(ctx, mode);
        show(stage, new LoginView(ctx, vm, user -> openMain(stage, mode)), 960, 640);
    }

    private void openMain(Stage stage, AppMode mode) {
        switch (mode) {
            case WORKSTATION -> {
                show(stage, withTopBar(new WorkstationView(ctx, new WorkstationViewModel(ctx)), mode, stage), 1320,
                        860);
                // The first live-record render of the process is slow: pay it now, not when a session types.
                org.tixun.core.session.flow.LivePublisher.prewarm(
                        org.tixun.templates.DefaultTemplateService.forDataDir(ctx.core().dataDir().root()),
                        "INTERROGATION_RECORD", org.tixun.templates.Lang.ZH);
            }
            case ARCHIVE -> show(stage, withTopBar(new ArchiveView(ctx, new ArchiveViewModel(ctx)), mode, stage),
                    1280, 800);
            case TERMINAL -> {
                KioskViewModel kiosk = new KioskViewModel(ctx, PasswordHasher.DEFAULT);
                Stage kioskStage = new Stage(StageStyle.UNDECORATED);
                TerminalView kioskView = new TerminalView(ctx, kiosk, Platform::exit);
                terminalKiosk = new org.tixun.app.ui.terminal.TerminalKiosk(ctx);
                kioskView.showContent(terminalKiosk);
                terminalKiosk.start();
                Rectangle2D all = Screen.getPrimary().getBounds();
                show(kioskStage, kioskView, all.getWidth(), all.getHeight());
                // Cover the whole screen even where no window manager honours full-screen requests.
                TerminalWindows.kiosk(kioskStage, all);
                kioskStage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                kioskStage.setFullScreenExitHint("");
                kioskStage.setFullScreen(true);
                kioskStage.setAlwaysOnTop(true);
                kioskStage.setOnCloseRequest(e -> e.consume());
                stage.hide();
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
    }

    private Parent withTopBar(Parent content, AppMode mode, Stage stage) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(content);
        pane.setTop(new TopBar(ctx, ctx.i18n().bind("mode." + mode.name()), () -> {
            core.audit().append(ctx.actor(), org.tixun.core.audit.AuditAction.LOGOUT, ctx.actor());
            ctx.currentUserProperty().set(null);
            login(stage, mode);
        }));
        return pane;
    }

    private void show(Stage stage, Parent root, double width, double height) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, width, height);
            Theme.style(scene);
            stage.setScene(scene);
        } else if (scene.getRoot() != root) {
            // Moving from login to the main screen: give the new screen its size, within the screen.
            scene.setRoot(root);
            Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(width, bounds.getWidth()));
            stage.setHeight(Math.min(height, bounds.getHeight()));
            stage.centerOnScreen();
        }
        stage.titleProperty().bind(ctx.i18n().bind(ctx.demo() ? "window.title.demo" : "window.title"));
        stage.getIcons().setAll(new Image(TixunApplication.class.getResourceAsStream("/org/tixun/app/icon.png")));
        stage.show();
    }

    @Override
    public void stop() {
        if (terminalKiosk != null) {
            terminalKiosk.close();
        }
        if (demoSession != null) {
            try {
                demoSession.close();
            } catch (java.io.IOException e) {
                LOG.warn("demo session did not close cleanly", e);
            }
        }
        if (tasks != null) {
            tasks.close();
        }
        if (core != null) {
            core.close();
        }
    }
}
