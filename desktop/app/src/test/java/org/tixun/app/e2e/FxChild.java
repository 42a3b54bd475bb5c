// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.e2e;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.stage.Window;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.DialogService;
import org.tixun.app.ui.FxTaskRunner;
import org.tixun.app.ui.Theme;
import org.tixun.core.services.CoreServices;

/**
 * Test code for the child JVMs of {@link ProductionSessionEndToEndTest}: the JavaFX toolkit (Monocle, headless), the
 * app's composition root as the real start builds it outside the demo (its task runner, the configured devices, no
 * demo), and what an operator does on the screens: find a control by id in the open windows and press it, wait for a
 * state with a deadline. Every line a child says starts with a word the parent waits for.
 */
final class FxChild {
    /** Where the children report (the parent reads it from the child's output file). */
    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private FxChild() {
    }

    /** A line of the child's report. */
    static void say(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }

    /** Starts the JavaFX toolkit (the child's command line selects Monocle's headless platform). */
    static void startToolkit() throws InterruptedException {
        java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(up::countDown);
        Platform.setImplicitExit(false);
        if (!up.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
    }

    /**
     * The app context as {@code TixunApplication} builds it for a real start: the FX task runner, no demo, the
     * configured devices (AppContext's default), and a dialog service that reports what it is shown and answers with
     * the default button (the operator confirming, e.g. the freeze).
     */
    static AppContext context(CoreServices core) throws Exception {
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String title, String message) {
                say("DIALOG-ERROR " + title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message) {
                say("DIALOG-INFO " + title + ": " + message);
            }

            @Override
            public int ask(String title, String message, List<String> answers) {
                say("DIALOG-ASK " + title + " -> " + answers.get(0));
                return 0;
            }
        };
        return fx(() -> {
            Theme theme = new Theme();
            theme.apply();
            Theme.ensureCjkFont();
            return new AppContext(core, new I18n(I18n.CHINESE), theme, new FxTaskRunner(), dialogs, false, List::of);
        });
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    /** The showing node with {@code id} in any open window. */
    static Optional<Node> lookup(String id) throws Exception {
        return fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    Node n = w.getScene().lookup("#" + id);
                    if (n != null) {
                        return Optional.of(n);
                    }
                }
            }
            return Optional.<Node>empty();
        });
    }

    /** Whether the control with {@code id} is on screen and can be pressed. */
    static boolean pressable(String id) throws Exception {
        Optional<Node> n = lookup(id);
        return n.isPresent() && fx(() -> n.get().isVisible() && !n.get().isDisabled() && visibleParents(n.get()));
    }

    private static boolean visibleParents(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Presses the button with {@code id} as the operator would. */
    static void press(String id) throws Exception {
        Node n = lookup(id).orElseThrow(() -> new IllegalStateException("no control #" + id + " on screen"));
        fx(() -> {
            ((ButtonBase) n).fire();
            return null;
        });
    }

    /** A condition checked while waiting. */
    interface Check {
        boolean ok() throws Exception;
    }

    /** Waits until {@code check} holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Whether the demo kit can be found here (a production class path has none). */
    static boolean demoKitPresent() {
        return java.util.ServiceLoader.load(org.tixun.core.session.demo.DemoKit.class).findFirst().isPresent();
    }

    /** Writes a PNG of the window holding {@code id} (for the docs), or says why not. */
    static void snapshot(String id, Path png) {
        try {
            Node n = lookup(id).orElseThrow();
            javafx.scene.image.WritableImage img = fx(() -> n.getScene().snapshot(null));
            java.awt.image.BufferedImage b = javafx.embed.swing.SwingFXUtils.fromFXImage(img, null);
            javax.imageio.ImageIO.write(b, "png", png.toFile());
            say("SNAPSHOT " + png);
        } catch (Exception | Error e) {
            say("SNAPSHOT-FAILED " + png + ": " + e);
        }
    }

    /** The time now, for the report. */
    static String now() {
        return Instant.now().toString();
    }

    /** Ends the child JVM once everything is reported (the toolkit's threads would keep it alive). */
    static void exit(int code) {
        OUT.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Fails the child with the reason on its report. */
    static void fail(Throwable e) {
        say("FAILED " + e);
        e.printStackTrace(OUT);
        exit(1);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            say("CLOSE-FAILED " + e);
        }
    }
}
