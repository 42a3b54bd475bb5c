// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.tixun.app.gui.GuiLauncher;
import org.tixun.app.gui.LaunchRequest;
import org.tixun.app.ui.TerminalScreenChecks;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.AppMode;

/**
 * Runs the real application (the same start-up as {@code tixun terminal} / {@code tixun demo}) in this JVM on the
 * display it is given (Xvfb with openbox in the tests) and checks its real windows: every window at least
 * 800×560 (or the whole screen), the kiosk covering the screen, no label cut off, the video apart from the record and
 * the controls, no stylesheet error; screenshots of the windows as the window manager placed them.
 *
 * <p>Arguments: {@code terminal|demo DATA_DIR OUT_DIR TAG [PORT]}. Prints one {@code PROBLEM ...} line per failed
 * check and exits 0 when there is none, 1 otherwise, 2 on an error.
 */
public final class RealWindowsHarness {
    private static final List<String> PROBLEMS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();
    private static Path out;
    private static String tag;

    private RealWindowsHarness() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Path data = Path.of(args[1]);
        out = Path.of(args[2]);
        tag = args[3];
        String port = args.length > 4 ? args[4] : "7443";
        Files.createDirectories(out);
        java.util.concurrent.CountDownLatch launchReturned = new java.util.concurrent.CountDownLatch(1);
        Thread driver = new Thread(() -> {
            int rc;
            try {
                TerminalScreenChecks.clearCssErrors();
                if ("terminal".equals(scenario)) {
                    terminal(port);
                } else {
                    demo();
                }
                fx(() -> {
                    if ("terminal".equals(scenario)) {
                        PROBLEMS.addAll(TerminalScreenChecks.cssErrors().stream().map(e -> "CSS " + e).toList());
                    } else {
                        // The demo also opens the workstation: its stylesheet errors are not the terminal's (issue
                        // 17 item 2); the terminal's screens are checked for them by TerminalScreensTest and above.
                        TerminalScreenChecks.cssErrors().forEach(e -> System.out.println("NOTE demo CSS " + e));
                    }
                    return null;
                });
                rc = PROBLEMS.isEmpty() ? 0 : 1;
            } catch (Throwable e) {
                e.printStackTrace();
                rc = 2;
            }
            report(rc);
            // Ask the application to end; whether or not it does in time (the demo may still be playing its
            // script), this JVM ends with the result.
            try {
                fx(() -> {
                    Platform.exit();
                    return null;
                });
                launchReturned.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
            System.out.flush();
            Runtime.getRuntime().halt(rc);
        }, "harness-driver");
        driver.start();
        LaunchRequest request = new LaunchRequest("terminal".equals(scenario) ? AppMode.TERMINAL : null,
                "demo".equals(scenario), DataDir.at(data), Locale.SIMPLIFIED_CHINESE);
        GuiLauncher.launch(request);
        launchReturned.countDown();
        driver.join();
    }

    private static void report(int rc) {
        for (String n : NOTES) {
            System.out.println("NOTE " + n);
        }
        for (String p : PROBLEMS) {
            System.out.println("PROBLEM " + p);
        }
        System.out.println("RESULT " + rc);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("problems-" + tag + ".txt"),
                StandardCharsets.UTF_8))) {
            PROBLEMS.forEach(w::println);
        } catch (IOException e) {
            System.out.println("PROBLEM problems file not written: " + e.getMessage());
        }
    }

    // ---- scenarios --------------------------------------------------------------------------------------------

    /** First run of a terminal, then the kiosk's enrolment screen and the PIN lock-out. */
    private static void terminal(String port) throws Exception {
        Node setup = await("the terminal setup", n -> "terminalSetup".equals(n.getId()));
        check("setup", setup.getScene());
        toggleLanguage(setup.getScene(), "#languageToggle");
        check("setup", setup.getScene());
        toggleLanguage(setup.getScene(), "#languageToggle");
        fx(() -> {
            Scene s = setup.getScene();
            type(s, "#terminalSetupName", "演示看守所 远程提讯室 1");
            type(s, "#terminalSetupPort", port);
            type(s, "#terminalSetupAdminName", "刘强");
            type(s, "#terminalSetupAdminPassword", "terminal-admin-1");
            type(s, "#terminalSetupAdminPassword2", "terminal-admin-1");
            type(s, "#terminalSetupPin", "246810");
            type(s, "#terminalSetupPin2", "246810");
            ((ButtonBase) s.lookup("#terminalSetupFinish")).fire();
            return null;
        });
        Node login = await("the login", n -> "loginButton".equals(n.getId()));
        fx(() -> {
            Scene s = login.getScene();
            type(s, "#username", "admin");
            type(s, "#password", "terminal-admin-1");
            ((ButtonBase) s.lookup("#loginButton")).fire();
            return null;
        });
        Node code = await("the enrolment code", n -> "enrollCode".equals(n.getId()) && n instanceof Labeled l
                && !l.getText().isEmpty());
        Scene kiosk = code.getScene();
        String addresses = fx(() -> ((Labeled) kiosk.lookup("#enrollAddresses")).getText());
        if (addresses.contains("0.0.0.0")) {
            PROBLEMS.add("the enrolment screen shows the wildcard address: " + addresses);
        }
        fx(() -> {
            Stage k = (Stage) kiosk.getWindow();
            var screen = Screen.getPrimary().getBounds();
            if (k.getWidth() < screen.getWidth() - 1 || k.getHeight() < screen.getHeight() - 1) {
                PROBLEMS.add("the kiosk does not cover the screen: " + k.getWidth() + "x" + k.getHeight() + " of "
                        + screen.getWidth() + "x" + screen.getHeight());
            }
            return null;
        });
        check("kiosk-enrollment", kiosk);
        toggleLanguage(kiosk, "#kioskLanguage");
        check("kiosk-enrollment", kiosk);
        toggleLanguage(kiosk, "#kioskLanguage");
        // Five wrong PINs: the exit locks.
        fx(() -> {
            ((ButtonBase) kiosk.lookup("#kioskExit")).fire();
            return null;
        });
        for (int i = 0; i < 5; i++) {
            fx(() -> {
                type(kiosk, "#kioskPin", "000000");
                ((ButtonBase) kiosk.lookup("#kioskExitConfirm")).fire();
                return null;
            });
            awaitIn(kiosk, "PIN refusal " + (i + 1), 30, s -> true);
            Thread.sleep(300);
        }
        awaitIn(kiosk, "the lock-out", 60, s -> s.lookup("#kioskPinLock") instanceof Labeled l
                && !l.getText().isEmpty() && l.isVisible());
        check("kiosk-pin-locked", kiosk);
    }

    /** The demo: workstation and terminal side by side, the script playing itself. */
    private static void demo() throws Exception {
        Node view = await("the terminal session screens", n -> "terminalSessionView".equals(n.getId()));
        Scene terminal = view.getScene();
        awaitIn(terminal, "the live record", 180, s -> s.lookup("#terminalLiveImage") instanceof ImageView iv
                && iv.getImage() != null);
        checkAll("demo-live");
        if (!Boolean.getBoolean("tixun.harness.signing")) {
            return;
        }
        awaitIn(terminal, "the signing", 420, s -> s.lookup("#terminalSignatureCanvas") != null
                && TerminalScreenChecks.shown(s.lookup("#terminalSignatureCanvas"))
                || s.lookup("#terminalFingerprint") != null && TerminalScreenChecks.shown(s.lookup("#terminalFingerprint")));
        checkAll("demo-signing");
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private static void checkAll(String name) throws Exception {
        List<Scene> scenes = fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(Window::getScene).toList());
        for (Scene scene : scenes) {
            boolean terminal = scene.lookup("#terminalSessionView") != null;
            // The workstation's window is checked too, but its findings are notes for its own screens (issue 17
            // items 2 and 4), not failures of the terminal's.
            check(name + "-" + (terminal ? "terminal" : "workstation"), scene, terminal ? PROBLEMS : NOTES);
        }
    }

    private static void check(String name, Scene scene) throws Exception {
        check(name, scene, PROBLEMS);
    }

    /** Window size, cut labels, buttons outside, the terminal's video apart, into {@code found}; then a screenshot. */
    private static void check(String name, Scene scene, List<String> found) throws Exception {
        Thread.sleep(700); // let the window manager settle the window before measuring it
        String lang = fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Window w = scene.getWindow();
            var screen = Screen.getPrimary().getVisualBounds();
            double minW = Math.min(TerminalWindows.MIN_WIDTH, screen.getWidth());
            double minH = Math.min(TerminalWindows.MIN_HEIGHT, screen.getHeight());
            String where = name + " (" + tag + ")";
            if (w.getWidth() < minW - 1 || w.getHeight() < minH - 1) {
                found.add(where + ": window " + w.getWidth() + "x" + w.getHeight() + " smaller than " + minW + "x"
                        + minH);
            }
            TerminalScreenChecks.truncated(scene.getRoot()).forEach(p -> found.add(where + ": " + p));
            TerminalScreenChecks.outsideWindow(scene.getRoot()).forEach(p -> found.add(where + ": " + p));
            Node video = scene.lookup("#terminalVideoBox");
            if (video != null) {
                List<Node> others = new ArrayList<>();
                for (String id : new String[] {"#terminalRecordColumn", "#terminalInstructionCard",
                        "#terminalControls"}) {
                    others.addAll(TerminalScreenChecks.shownNodes(scene.lookup(id), Labeled.class, ImageView.class,
                            javafx.scene.control.Control.class));
                }
                TerminalScreenChecks.overlapping(video, others).forEach(p -> found.add(where + ": " + p));
            }
            Node toggle = scene.lookup("#languageToggle");
            Node kioskToggle = scene.lookup("#kioskLanguage");
            Labeled l = (Labeled) (toggle != null ? toggle : kioskToggle);
            return l == null || "English".equals(l.getText()) ? "zh" : "en";
        });
        screenshot(scene, name + "-" + tag + "-" + lang);
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        WritableImage img = fx(() -> {
            Window w = scene.getWindow();
            return new javafx.scene.robot.Robot().getScreenCapture(null, w.getX(), w.getY(), w.getWidth(),
                    w.getHeight(), false);
        });
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve("terminal-window-" + name + ".png")
                    .toFile());
        } catch (IOException e) {
            PROBLEMS.add("screenshot " + name + " not written: " + e.getMessage());
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private static void toggleLanguage(Scene scene, String id) throws Exception {
        fx(() -> {
            ((ButtonBase) scene.lookup(id)).fire();
            return null;
        });
    }

    private static void type(Scene s, String id, String text) {
        ((TextInputControl) s.lookup(id)).setText(text);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                Platform.runLater(r);
                break;
            } catch (IllegalStateException notYet) {
                // The toolkit is still starting (the application is launched on the main thread after this one).
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Waits for a shown node in any window that matches. */
    private static Node await(String what, Predicate<Node> match) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Node found = fx(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null) {
                        Node n = find(w.getScene().getRoot(), match);
                        if (n != null) {
                            return n;
                        }
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static void awaitIn(Scene scene, String what, int seconds, Predicate<Scene> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (fx(() -> ready.test(scene))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static Node find(Node n, Predicate<Node> match) {
        if (!n.isVisible()) {
            return null;
        }
        if (match.test(n)) {
            return n;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = find(c, match);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
