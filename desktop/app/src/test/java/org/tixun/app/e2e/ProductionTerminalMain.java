// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.e2e;

import static org.tixun.app.e2e.FxChild.await;
import static org.tixun.app.e2e.FxChild.fx;
import static org.tixun.app.e2e.FxChild.lookup;
import static org.tixun.app.e2e.FxChild.press;
import static org.tixun.app.e2e.FxChild.pressable;
import static org.tixun.app.e2e.FxChild.say;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Theme;
import org.tixun.app.ui.terminal.TerminalKiosk;
import org.tixun.app.ui.terminal.TerminalSessionView;
import org.tixun.app.ui.terminal.TerminalSessionViewModel;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.Controls;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.Screen;
import org.tixun.core.config.DataDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.flow.TerminalFlow;

/**
 * Test code, a child JVM of {@link ProductionSessionEndToEndTest}: the terminal kiosk of a real installation — its
 * data dir set up by the administrator (devices chosen in Settings), {@link TerminalKiosk}'s production constructor
 * (the configured camera, microphone, pad and fingerprint reader; never a simulator) — operated as the guiding
 * officer and the suspect would: the enrollment code shown, the device self-test run, then 「自己阅读」 page by page,
 * 「用签名板签名」 on every signature slot and 「按捺指纹」 on every fingerprint slot, until the record is sealed.
 *
 * <p>Arguments: the data dir, the folder for screen snapshots.
 */
public final class ProductionTerminalMain {
    private ProductionTerminalMain() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Path.of(args[1]));
            FxChild.exit(0);
        } catch (Throwable e) {
            FxChild.fail(e);
        }
    }

    private static void run(Path dataDir, Path shots) throws Exception {
        say("DEMOKIT " + FxChild.demoKitPresent());
        CoreServices core = CoreServices.open(DataDir.at(dataDir));
        FxChild.startToolkit();
        AppContext ctx = FxChild.context(core);
        // The guiding officer logged in at the kiosk.
        ctx.currentUserProperty().set(core.users().find(ProductionSessionEndToEndTest.OFFICER).orElseThrow());
        TerminalKiosk kiosk = fx(() -> {
            TerminalKiosk k = new TerminalKiosk(ctx);
            Stage stage = new Stage();
            Scene scene = new Scene(k, 1280, 900);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            k.start();
            return k;
        });
        await("the enrollment code on the kiosk", Duration.ofSeconds(60), () -> !label("enrollCode").isEmpty());
        say("CODE " + label("enrollCode"));
        await("the session screens after enrollment", Duration.ofSeconds(120),
                () -> lookup("terminalSessionView").isPresent());
        TerminalSessionViewModel vm = fx(() -> ((TerminalSessionView) lookup("terminalSessionView").orElseThrow())
                .viewModel());

        // The officer runs the device self-test on the configured devices, then continues.
        await("the self-test screen", Duration.ofSeconds(30), () -> pressable("selfTestRun"));
        press("selfTestRun");
        await("the self-test results", Duration.ofSeconds(90), () -> !label("selfTestPad").equals("…")
                && !label("selfTestCamera").equals("…") && !label("selfTestFingerprint").equals("…"));
        say("SELFTEST camera: " + label("selfTestCamera") + " | microphone: " + label("selfTestMic") + " | pad: "
                + label("selfTestPad") + " | reader: " + label("selfTestFingerprint"));
        FxChild.snapshot("terminalSelfTest", shots.resolve("production-terminal-self-test.png"));
        press("selfTestContinue");
        say("WAITING for the workstation");

        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        String acted = null;
        long actedAt = 0;
        String lastMessage = null;
        int signed = 0;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the session did not end in time; screen " + fx(() ->
                        vm.screenProperty().get()));
            }
            Object[] s = fx(() -> new Object[] {vm.screenProperty().get(), vm.controlsProperty().get(),
                vm.busyProperty().get(), vm.step(), vm.messageProperty().get() == null ? null
                        : vm.messageProperty().get().resolve(ctx.i18n())});
            Screen screen = (Screen) s[0];
            Controls controls = (Controls) s[1];
            boolean busy = (Boolean) s[2];
            TerminalFlow.Step step = (TerminalFlow.Step) s[3];
            String message = (String) s[4];
            if (message != null && !message.equals(lastMessage)) {
                say("MESSAGE " + message);
            }
            lastMessage = message;
            if (screen == Screen.ENDED) {
                say("ENDED sealed " + kiosk.station().flow().state().sealedSha + " after " + signed + " slots");
                break;
            }
            if (!busy) {
                switch (controls) {
                    case READING_CHOICE -> press("terminalReadSelf");
                    case READING -> {
                        if (pressable("terminalNextPage")) {
                            press("terminalNextPage");
                        } else if (pressable("terminalReadingDone")) {
                            press("terminalReadingDone");
                            say("READ the record on the screen");
                        }
                    }
                    case SIGN, FINGERPRINT -> {
                        String slot = step.slot().slotId() + "#" + step.index();
                        // A new slot, or the same one after a refusal (said in the message): press again.
                        boolean retry = slot.equals(acted) && message != null
                                && System.nanoTime() - actedAt > 1_000_000_000L;
                        if (!slot.equals(acted) || retry) {
                            String button = controls == Controls.SIGN ? "terminalPadSign" : "terminalFingerprint";
                            if (pressable(button)) {
                                if (!slot.equals(acted)) {
                                    signed++;
                                    if (signed == 1) {
                                        FxChild.snapshot("terminalSessionView",
                                                shots.resolve("production-terminal-signing.png"));
                                    }
                                }
                                say("SLOT " + (step.index() + 1) + "/" + step.total() + " " + step.slot().slotId()
                                        + " " + step.slot().kind() + (retry ? " (again)" : ""));
                                press(button);
                                acted = slot;
                                actedAt = System.nanoTime();
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            Thread.sleep(150);
        }
        fx(() -> {
            kiosk.close();
            return null;
        });
        core.close();
    }

    private static String label(String id) throws Exception {
        var n = lookup(id);
        return n.isEmpty() ? "" : fx(() -> ((Label) n.get()).getText());
    }
}
