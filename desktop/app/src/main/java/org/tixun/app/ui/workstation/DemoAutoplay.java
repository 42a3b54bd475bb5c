// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.TextArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.demo.SessionScript;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;

/**
 * The demo's script player: types the demo script into the workstation's editor keystroke by keystroke (so the
 * live record follows on the terminal), applies the correction, freezes and sends, then plays the suspect at the
 * terminal with the simulated pad, pausing between steps so they can be watched.
 */
public final class DemoAutoplay implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAutoplay.class);
    private final TextArea editor;
    private final Runnable freeze;
    private final WorkstationFlow workstation;
    private final TerminalFlow terminal;
    private final SignatureSource pad;
    private final PhotoSource camera;
    private final long stepPauseMs;
    private final Consumer<String> problems;

    public DemoAutoplay(TextArea editor, Runnable freeze, WorkstationFlow workstation, TerminalFlow terminal,
            SignatureSource pad, PhotoSource camera, long stepPauseMs, Consumer<String> problems) {
        this.editor = editor;
        this.freeze = freeze;
        this.workstation = workstation;
        this.terminal = terminal;
        this.pad = pad;
        this.camera = camera;
        this.stepPauseMs = stepPauseMs;
        this.problems = problems;
    }

    /** Starts on a daemon thread. */
    public void start() {
        Thread t = new Thread(this, "tixun-demo-autoplay");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            SessionScript script = SessionScript.demo();
            workstation.live().awaitWarmedUp(script.typing.warmUpMaxMs);
            int step = Math.max(1, script.typing.charsPerKeystroke);
            for (SessionScript.Qa e : script.qa) {
                type((editor.getText().isEmpty() ? "" : "\n") + "问：", 0);
                type(e.q, script.typing.keystrokeMs, step);
                type("\n答：", 0);
                type(e.a, script.typing.keystrokeMs, step);
            }
            Thread.sleep(800);
            for (SessionScript.Correction c : script.corrections) {
                onFx(() -> {
                    // Replaced in place: the caret ends after the correction, so the terminal shows its page.
                    int at = editor.getText().indexOf(c.from);
                    if (at >= 0) {
                        editor.replaceText(at, at + c.from.length(), "{~~" + c.from + "~>" + c.to + "~~}");
                    }
                });
                Thread.sleep(800);
            }
            workstation.live().awaitRendered(5000);
            onFx(freeze);
            signAtTerminal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("demo autoplay failed", e);
            Platform.runLater(() -> problems.accept(e.getMessage()));
        }
    }

    private void type(String text, int keystrokeMs) throws InterruptedException {
        type(text, keystrokeMs, Math.max(1, text.length()));
    }

    private void type(String text, int keystrokeMs, int chars) throws InterruptedException {
        for (int i = 0; i < text.length(); i += chars) {
            String chunk = text.substring(i, Math.min(text.length(), i + chars));
            onFx(() -> {
                editor.positionCaret(editor.getLength());
                editor.appendText(chunk);
            });
            if (keystrokeMs > 0) {
                Thread.sleep(keystrokeMs);
            }
        }
    }

    private void signAtTerminal() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        TerminalFlow.Step s = terminal.current();
        while (s.kind() != TerminalFlow.StepKind.DONE && s.kind() != TerminalFlow.StepKind.ENDED
                && System.nanoTime() < deadline) {
            switch (s.kind()) {
                case READING -> {
                    Thread.sleep(stepPauseMs);
                    terminal.chooseReading(ReadingConfirmation.Path.READ);
                }
                case SLOT -> {
                    Thread.sleep(stepPauseMs);
                    boolean first = s.index() == 0 || !terminal.state().slots.get(s.index() - 1).signer()
                            .equals(s.slot().signer());
                    terminal.complete(s.slot(), pad.capture(s.slot(), s.index()), first ? camera.snapshot() : null,
                            camera.snapshot());
                }
                default -> {
                }
            }
            s = terminal.awaitStepChange(s, Duration.ofMillis(500));
        }
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }
}
