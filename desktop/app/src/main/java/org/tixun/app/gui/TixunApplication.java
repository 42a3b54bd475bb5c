// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.gui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.tixun.app.ui.shell.LauncherSplash;
import org.tixun.app.ui.shell.Splash;
import org.tixun.app.ui.shell.StartProgress;
import org.tixun.app.ui.shell.WindowPlacement;
import org.tixun.app.ui.shell.TopBar;
import org.tixun.app.ui.terminal.KioskViewModel;
import org.tixun.app.ui.terminal.TerminalView;
import org.tixun.app.ui.terminal.TerminalWindows;
import org.tixun.app.ui.workstation.WorkstationView;
import org.tixun.app.ui.workstation.WorkstationViewModel;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
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
    /** The store, opened on its own thread from the moment the request is known (beside the toolkit's start). */
    private static volatile CompletableFuture<Opened> opening;
    private static volatile int exitCode;

    private FxTaskRunner tasks;
    private CoreServices core;
    private AppContext ctx;

    /**
     * The opened store, and the templates offered for new records: read after the store has opened, on the store's
     * thread, while the first screen (a login or the kiosk, which need no template) is built; the workstation's and
     * the archive's screens wait for them when they first ask.
     */
    private record Opened(CoreServices core, CompletableFuture<List<AppContext.TemplateChoice>> templates) {
    }

    /**
     * The request for this start. The store starts opening now, on its own thread, while the JavaFX toolkit starts
     * and the splash shows: the two take about as long as each other and neither needs the other.
     */
    static void prepare(LaunchRequest launchRequest) {
        request = launchRequest;
        exitCode = 0;
        CompletableFuture<Opened> store = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                CoreServices opened = CoreServices.open(launchRequest.dataDir());
                CompletableFuture<List<AppContext.TemplateChoice>> templates = new CompletableFuture<>();
                store.complete(new Opened(opened, templates));
                try {
                    templates.complete(templateChoices(opened));
                } catch (RuntimeException | Error e) {
                    LOG.error("the record templates could not be read", e);
                    templates.completeExceptionally(e);
                }
            } catch (Throwable e) {
                store.completeExceptionally(e);
            }
        }, "tixun-store");
        t.setDaemon(true);
        opening = store;
        t.start();
    }

    /** The opened store (waits for it); rethrows what opening it threw. */
    private static Opened awaitStore() {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
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
                ctx.dialogs().showError(ctx.i18n().text("error.title"), ctx.i18n().text("error.unexpected",
                        org.tixun.app.i18n.CoreText.describe(ctx.i18n(), e)));
            }
        });
        org.tixun.app.ui.CssErrors.install();
        LaunchRequest req = request;
        I18n i18n = new I18n(req.locale());
        Theme theme = new Theme();
        // The launcher's splash picture has been up since the JVM started: it stays, with the progress drawn on it,
        // until the first screen is painted, and the theme goes in before any scene (so JavaFX's default
        // stylesheet is never parsed). Started without one (java -jar), the JavaFX splash shows first.
        java.util.Optional<LauncherSplash> launcherSplash = LauncherSplash.find();
        StartProgress splash;
        long splashAt;
        CompletableFuture<Void> fonts;
        if (launcherSplash.isPresent()) {
            splash = launcherSplash.get();
            splashAt = -1;
            theme.apply();
            // Chinese text needs a CJK font; where the host has none the shipped one is loaded (15 MB): on its own
            // thread, beside the store, while no text is laid out; the first screen is built once it is there.
            fonts = CompletableFuture.runAsync(Theme::ensureCjkFont, r -> {
                Thread t = new Thread(r, "tixun-fonts");
                t.setDaemon(true);
                t.start();
            });
        } else {
            LauncherSplash.requested().ifPresent(picture -> LOG.warn("The launcher asked for the splash picture {} but"
                    + " none is showing (the JVM could not show it); showing the JavaFX splash instead", picture));
            splash = Splash.show(i18n);
            // The log file opens with the data dir: this figure is logged with the window's, below.
            splashAt = sinceProcessStart();
            // The theme's stylesheet and the fonts on the FX thread, after the splash's first frame (the splash lays
            // out text meanwhile).
            fonts = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    theme.apply();
                    Theme.ensureCjkFont();
                } finally {
                    fonts.complete(null);
                }
            });
        }
        Thread boot = new Thread(() -> boot(primary, req, i18n, theme, splash, fonts, started, splashAt),
                "tixun-start");
        boot.setDaemon(true);
        boot.start();
    }

    /** Milliseconds since the JVM started (the process, for a user). */
    static long sinceProcessStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Off the FX thread: opens the store (and the demo's data and link), then builds the first screen on it. */
    private void boot(Stage primary, LaunchRequest req, I18n i18n, Theme theme, StartProgress splash,
            CompletableFuture<Void> fonts, long started, long splashAt) {
        try {
            splash.step(0.2, "splash.store");
            Opened opened = awaitStore();
            core = opened.core();
            splash.step(0.45, "splash.templates");
            CompletableFuture<List<AppContext.TemplateChoice>> templateList = opened.templates();
            if (req.demo()) {
                splash.step(0.55, "splash.demoData");
                demoKit = org.tixun.core.session.demo.DemoKit.require();
                demoKit.ensureData(core);
                demoKit.keys(core);
                splash.step(0.7, "splash.demoLink");
                try {
                    demoSession = demoKit.startPair(core, true,
                            org.tixun.core.archive.ArchiveService.of(core)::fileSealed);
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.error("demo remote session could not start; showing the idle kiosk", e);
                }
            }
            splash.step(0.85, "splash.screen");
            fonts.exceptionally(e -> {
                LOG.warn("Loading the CJK font failed: Chinese text may not display", e);
                return null;
            }).join();
            Platform.runLater(() -> {
                try {
                    tasks = new FxTaskRunner();
                    Supplier<List<AppContext.TemplateChoice>> templates = () -> {
                        try {
                            return templateList.join();
                        } catch (java.util.concurrent.CompletionException e) {
                            throw e.getCause() instanceof RuntimeException r ? r : e;
                        }
                    };
                    ctx = new AppContext(core, i18n, theme, tasks, new FxDialogService(), req.demo(), templates);
                    if (req.demo()) {
                        // The demo's sessions use the simulated camera and microphone; a real start never does.
                        ctx.useDevices(demoKit.devices());
                        startDemo(primary);
                    } else if (req.mode() == null && MachineConfig.load(core.settings()).role() != null) {
                        openMode(primary, MachineConfig.load(core.settings()).role());
                    } else if (req.mode() == null) {
                        show(primary, new ModeChooserView(ctx, mode -> openMode(primary, mode)),
                                WindowPlacement.Kind.CHOOSER);
                    } else {
                        openMode(primary, req.mode());
                    }
                } catch (RuntimeException | Error e) {
                    splash.close();
                    throw e;
                }
                if (splash instanceof Splash) {
                    splash.close();
                }
                // The first screen is laid out and painted in the next pulse: then it is usable (and the launcher's
                // picture, which stayed until now, goes).
                Platform.runLater(() -> {
                    splash.close();
                    LOG.info("Tixun UI up in {} ms ({}, window usable {} ms after process start; mode {}, demo {})",
                            (System.nanoTime() - started) / 1_000_000,
                            splashAt < 0 ? "launcher splash picture" : "splash shown " + splashAt + " ms",
                            sinceProcessStart(), req.mode(), req.demo());
                });
            });
        } catch (TixunException e) {
            exitCode = e.exit().code();
            Platform.runLater(() -> {
                splash.close();
                new FxDialogService().showError(i18n.text("error.startup"), e.getMessage());
                Platform.exit();
            });
        } catch (RuntimeException | Error e) {
            LOG.error("start-up failed", e);
            exitCode = TixunException.Exit.FAILED.code();
            Platform.runLater(() -> {
                splash.close();
                new FxDialogService().showError(i18n.text("error.startup"),
                        i18n.text("error.unexpected", org.tixun.app.i18n.CoreText.describe(i18n, e)));
                Platform.exit();
            });
        }
    }

    /** Built-in and custom templates offered when starting a record (read once, at start). */
    private static List<AppContext.TemplateChoice> templateChoices(CoreServices core) {
        return TemplateRegistry.load(core.dataDir().templates()).templates().stream()
                .map(t -> new AppContext.TemplateChoice(t.kind(), t.title(Lang.ZH), t.title(Lang.EN))).toList();
    }

    private void startDemo(Stage workstation) {
        PasswordHasher hasher = PasswordHasher.DEFAULT;
        User prosecutor = core.users().find("zhangwei").orElseThrow();
        ctx.currentUserProperty().set(prosecutor);
        // Side by side on one screen: the workstation left, the terminal (windowed kiosk) right.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D terminalBounds = TerminalWindows.demoBounds(screen);
        double terminalWidth = terminalBounds.getWidth();
        Stage terminal = new Stage();
        // The cases screen goes straight into its tab: a former scene root moved into a tab keeps stale looked-up
        // colours (the stylesheet errors of .demo-banner and .text-input the demo used to log).
        workstationVm = new WorkstationViewModel(ctx);
        javafx.scene.Parent cases = withTopBar(new WorkstationView(ctx, workstationVm), AppMode.WORKSTATION,
                workstation);
        javafx.scene.Parent workstationRoot = cases;
        javafx.scene.Parent terminalRoot;
        try {
            if (demoSession == null) {
                throw new IllegalStateException("the demo's link did not start (see the log)");
            }
            terminalRoot = startDemoSession(cases);
            workstationRoot = demoTabs;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("demo remote session could not start; showing the idle kiosk", e);
            terminalRoot = new TerminalView(ctx, new KioskViewModel(ctx, hasher), terminal::close);
        }
        show(workstation, workstationRoot, WindowPlacement.Kind.WORKSTATION);
        org.tixun.core.session.flow.LivePublisher.prewarm(
                org.tixun.templates.DefaultTemplateService.forDataDir(ctx.core().dataDir().root()),
                "INTERROGATION_RECORD", org.tixun.templates.Lang.ZH);
        WindowPlacement.place(workstation, screen.getMinX(), screen.getMinY(),
                Math.min(1320, Math.max(WindowPlacement.MIN_WIDTH, screen.getWidth() - terminalWidth)),
                Math.min(860, screen.getHeight()));
        terminal.setScene(new Scene(terminalRoot));
        Theme.style(terminal.getScene());
        WindowPlacement.place(terminal, terminalBounds.getMinX(), terminalBounds.getMinY(), terminalWidth,
                terminalBounds.getHeight());
        TerminalWindows.minimums(terminal, screen);
        terminal.titleProperty().bind(ctx.i18n().bind("window.title.demo"));
        terminal.getIcons().setAll(icon());
        terminal.setOnCloseRequest(e -> e.consume());
        terminal.show();
    }

    /** The demo's kit (only when started as the demo). */
    private org.tixun.core.session.demo.DemoKit demoKit;
    private org.tixun.core.session.demo.DemoKit.Pair demoSession;
    private WorkstationViewModel workstationVm;
    /** The demo's workstation window content: the session tab and the cases tab. */
    private javafx.scene.Parent demoTabs;
    private org.tixun.app.ui.terminal.TerminalKiosk terminalKiosk;

    /**
     * The demo's remote session: terminal and workstation linked in this process over loopback; the workstation
     * window gets the session screen as its first tab, the terminal window the kiosk session screens. With
     * {@code -Dtixun.demo.autoplay=true} the script starts by itself (screenshots).
     */
    private javafx.scene.Parent startDemoSession(javafx.scene.Parent cases) throws java.io.IOException {
        var camera = demoSession.terminalMedia().photos();
        var pad = demoKit.pad(
                core.dataDir().root().resolve("remote-session/terminal/pad"), 1000);
        var svm = new org.tixun.app.ui.workstation.SessionViewModel(ctx.i18n(), demoSession.workstation(),
                demoSession.workstationLink(), demoKit.baseData());
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
            var typist = new org.tixun.core.session.demo.DemoKit.Typist() {
                @Override
                public void append(String text) throws InterruptedException {
                    onFx(() -> {
                        sessionView.editor().positionCaret(sessionView.editor().getLength());
                        sessionView.editor().appendText(text);
                    });
                }

                @Override
                public void replace(String from, String to) throws InterruptedException {
                    onFx(() -> {
                        // Replaced in place: the caret ends after the correction, so the terminal shows its page.
                        var editor = sessionView.editor();
                        int at = editor.getText().indexOf(from);
                        if (at >= 0) {
                            editor.replaceText(at, at + from.length(), "{~~" + from + "~>" + to + "~~}");
                        }
                    });
                }

                @Override
                public void freeze() throws InterruptedException {
                    onFx(sessionView::freeze);
                }
            };
            Thread autoplay = new Thread(() -> {
                try {
                    demoKit.autoplay(typist, demoSession.workstation(), demoSession.terminal(), pad, camera, 1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.error("demo autoplay failed", e);
                    Platform.runLater(() -> ctx.dialogs().showError(ctx.i18n().text("session.title"),
                            e.getMessage()));
                }
            }, "tixun-demo-autoplay");
            autoplay.setDaemon(true);
            autoplay.start();
        };
        sessionView.setAutoplay(play);
        // The cases tab follows the session: the record frozen, then sealed (its state and the counts).
        demoSession.workstation().addListener(new org.tixun.core.session.flow.FlowListener() {
            @Override
            public void phase(String phase) {
                Platform.runLater(() -> {
                    if (workstationVm != null) {
                        workstationVm.reload();
                    }
                });
            }
        });
        org.tixun.app.ui.workstation.ConnectedTerminals.add(demoSession, demoSession.workstationLink(),
                "127.0.0.1 (demo)");
        var pair = demoSession;
        sessionView.setHangUp(() -> {
            org.tixun.app.ui.workstation.ConnectedTerminals.remove(pair);
            // The demo's two ends share this process: hanging up closes the call, the recording and the link.
            Thread t = new Thread(() -> {
                try {
                    pair.close();
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.warn("demo session did not close cleanly", e);
                }
            }, "tixun-demo-hangup");
            t.setDaemon(true);
            t.start();
        });
        javafx.scene.control.Tab sessionTab = new javafx.scene.control.Tab();
        sessionTab.textProperty().bind(ctx.i18n().bind("session.title"));
        sessionTab.setContent(sessionView);
        javafx.scene.control.Tab casesTab = new javafx.scene.control.Tab();
        casesTab.textProperty().bind(ctx.i18n().bind("mode.WORKSTATION"));
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(sessionTab, casesTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        casesTab.setContent(cases);
        demoTabs = tabs;
        if (Boolean.getBoolean("tixun.demo.autoplay")) {
            javafx.application.Platform.runLater(play);
        }
        return terminalView;
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    private static void onFx(Runnable r) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
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
            show(stage, new SetupView(ctx, vm, chosen -> login(stage, chosen)), WindowPlacement.Kind.SETUP);

            return;
        }
        login(stage, mode);
    }

    /** The detention-centre terminal's first run: its name, port, administrator and PIN only. */
    private void terminalSetup(Stage stage) {
        var vm = new org.tixun.app.ui.setup.TerminalSetupViewModel(ctx, PasswordHasher.DEFAULT);
        show(stage, new org.tixun.app.ui.setup.TerminalSetupView(ctx, vm, chosen -> login(stage, chosen),
                () -> openMode(stage, AppMode.WORKSTATION)), WindowPlacement.Kind.SETUP);
    }

    private void login(Stage stage, AppMode mode) {
        LoginViewModel vm = new LoginViewModel(ctx, mode);
        show(stage, new LoginView(ctx, vm, user -> openMain(stage, mode)), WindowPlacement.Kind.LOGIN);
    }

    /** The app's own delivery to the case system (workstation and archive; none at a terminal). */
    private org.tixun.core.sync.BackgroundSync backgroundSync;

    private void startBackgroundSync() {
        if (backgroundSync == null) {
            backgroundSync = org.tixun.core.sync.BackgroundSync.start(core).orElse(null);
        }
    }

    private void openMain(Stage stage, AppMode mode) {
        if (mode == AppMode.WORKSTATION || mode == AppMode.ARCHIVE) {
            startBackgroundSync();
        }
        switch (mode) {
            case WORKSTATION -> {
                workstationVm = new WorkstationViewModel(ctx);
                show(stage, withTopBar(new WorkstationView(ctx, workstationVm), mode, stage),
                        WindowPlacement.Kind.WORKSTATION);
                // The first live-record render of the process is slow: pay it now, not when a session types.
                org.tixun.core.session.flow.LivePublisher.prewarm(
                        org.tixun.templates.DefaultTemplateService.forDataDir(ctx.core().dataDir().root()),
                        "INTERROGATION_RECORD", org.tixun.templates.Lang.ZH);
            }
            case ARCHIVE -> show(stage, withTopBar(new ArchiveView(ctx, new ArchiveViewModel(ctx)), mode, stage),
                    WindowPlacement.Kind.ARCHIVE);
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

    /**
     * Puts {@code root} in {@code stage} with the size and minimum of its kind of window (remembered per user);
     * a stage moving on (login → main screen) keeps its place and takes the new kind's size.
     */
    private void show(Stage stage, Parent root, WindowPlacement.Kind kind) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root);
            Theme.style(scene);
            stage.setScene(scene);
        } else if (scene.getRoot() != root) {
            scene.setRoot(root);
        }
        WindowPlacement.shared().apply(stage, kind);
        decorate(stage);
        stage.show();
    }

    /** The kiosk's window: a given size (it covers the screen right after). */
    private void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        decorate(stage);
        stage.show();
    }

    private void decorate(Stage stage) {
        stage.titleProperty().bind(ctx.i18n().bind(ctx.demo() ? "window.title.demo" : "window.title"));
        stage.getIcons().setAll(icon());
    }

    private static Image icon() {
        return new Image(TixunApplication.class.getResourceAsStream("/org/tixun/app/icon.png"));
    }

    @Override
    public void stop() {
        if (backgroundSync != null) {
            backgroundSync.close();
        }
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
        } else if (opening != null) {
            // The window never took the store (start-up failed elsewhere): close it once it is open.
            opening.thenAccept(o -> o.core().close());
        }
    }
}
