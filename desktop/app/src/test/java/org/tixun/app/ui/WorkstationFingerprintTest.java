// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.workstation.WorkstationSigningDialog;
import org.tixun.core.devices.fingerprint.FakeLivescan;
import org.tixun.core.devices.fingerprint.Impressions;
import org.tixun.core.devices.fingerprint.LivescanReader;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.Capture;

/**
 * A workstation signer's fingerprint slot is taken on the fingerprint reader through the production LIVESCAN adapter
 * (here the GA/T 626.1 fake library the devices tests compile): the capture holds the ISO/IEC 19794-4 record and the
 * red impression; without a reader the window says so and the slot waits — nothing is substituted.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationFingerprintTest {
    private static final PlannedSlot SLOT = new PlannedSlot("interrogator-1-p2-fingerprint", 1, SlotKind.FINGERPRINT,
            new SignerIdentity("张伟", SignerRole.INTERROGATOR, "检察官"));
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
        stage.setScene(new Scene(new StackPane(new Label("session")), 800, 600));
        stage.show();
        dialog = new WorkstationSigningDialog(new I18n(I18n.CHINESE), stage);
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

    private Future<Capture> capture() throws Exception {
        Future<Capture> f = worker.submit(() -> dialog.capture(SLOT, 1));
        WindowWait.laidOut(dialog::openWindow, "#wsSignCanvas");
        return f;
    }

    @Test
    void theReadersImpressionIsTheCapture(FxRobot robot) throws Exception {
        Path library = FakeLivescan.library();
        Path dir = Files.createTempDirectory("tixun-fp");
        FakeLivescan.Controls fake = FakeLivescan.controls();
        fake.FAKE_SetInitResult(1);
        fake.FAKE_SetBlankFrames(0);
        assertThat(fake.FAKE_SetImage(FakeLivescan.raw(dir, "finger.raw", Impressions.centred()).toString())).isOne();
        dialog.setFingerprintReader(() -> LivescanReader.open(library, 0));
        Future<Capture> result = capture();
        robot.interact(() -> robot.lookup("#wsSignFingerprint").queryButton().fire());
        // The window closes once the capture is taken: the message is looked for only while it is there.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result.isDone()
                || robot.lookup("#wsSignMessage").tryQueryAs(Label.class)
                        .map(l -> l.getText().contains("未采到")).orElse(false));
        if (!result.isDone()) {
            throw new AssertionError("no capture: " + robot.lookup("#wsSignMessage").tryQueryAs(Label.class)
                    .map(Label::getText).orElse("(the window closed)"));
        }
        Capture c = result.get();
        assertThat(c.samples()).isEmpty();
        assertThat(new String(c.fingerprintPng(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .as("an ISO/IEC 19794-4 finger image record").isEqualTo("FIR");
        assertThat(c.inkPng()).as("the red impression (PNG)").startsWith(0x89, 'P', 'N', 'G');
        assertThat(c.device().vendor()).isEqualTo("GA/T 626.1 LIVESCAN");
    }

    @Test
    void withoutAReaderTheSlotWaitsAndSaysWhy(FxRobot robot) throws Exception {
        Future<Capture> result = capture();
        robot.interact(() -> robot.lookup("#wsSignFingerprint").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wsSignMessage").queryAs(Label.class).getText()).contains("未配置指纹采集仪");
        assertThat(result.isDone()).as("nothing substituted: the slot waits").isFalse();
    }
}
