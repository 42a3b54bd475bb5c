// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.DeviceSelfTest;
import org.tixun.core.media.VideoSource;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;

/**
 * The device self-test before a session (camera frame rate and picture, microphone level, signature pad), run through
 * the app's task runner; 「开始提讯」 leaves it for the session.
 */
final class TerminalSelfTestView extends VBox {
    private final I18n i18n;
    private final PhotoSource photos;
    private final SignatureSource pad;
    private volatile VideoSource camera;
    private volatile AudioSource microphone;

    TerminalSelfTestView(AppContext ctx, PhotoSource photos, SignatureSource pad, Runnable onContinue) {
        this.i18n = ctx.i18n();
        this.photos = photos;
        this.pad = pad;
        Label title = new Label();
        title.textProperty().bind(i18n.bind("session.selftest.title"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        title.setWrapText(true);
        Label cameraRow = new Label();
        cameraRow.setId("selfTestCamera");
        Label micRow = new Label();
        micRow.setId("selfTestMic");
        Label padRow = new Label();
        padRow.setId("selfTestPad");
        for (Label l : new Label[] {cameraRow, micRow, padRow}) {
            l.getStyleClass().add(TerminalStyles.BODY);
            l.setWrapText(true);
            l.setText("…");
        }
        Button run = TerminalStyles.bigButton(i18n, "selfTestRun", "session.selftest.run");
        Button proceed = TerminalStyles.bigButton(i18n, "selfTestContinue", "session.selftest.continue");
        proceed.getStyleClass().add("accent");
        run.setOnAction(e -> {
            run.setDisable(true);
            ctx.tasks().run(this::probe, rows -> {
                cameraRow.setText(i18n.text("session.selftest.camera", rows[0]));
                micRow.setText(i18n.text("session.selftest.mic", rows[1]));
                padRow.setText(i18n.text("session.selftest.pad", rows[2]));
                run.setDisable(false);
            }, err -> {
                cameraRow.setText(i18n.text("session.selftest.fail", err.getMessage()));
                run.setDisable(false);
            });
        });
        proceed.setOnAction(e -> onContinue.run());
        FlowPane actions = new FlowPane(16, 12, run, proceed);
        getChildren().addAll(title, cameraRow, micRow, padRow, actions);
        setId("terminalSelfTest");
        setSpacing(18);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(40));
        getStyleClass().add(TerminalStyles.SELF_TEST);
    }

    /** The devices the session will use, tested here before they are handed to the media call. */
    void useDevices(VideoSource camera, AudioSource microphone) {
        this.camera = camera;
        this.microphone = microphone;
    }

    /** Camera, microphone and pad rows (background thread). */
    private String[] probe() {
        VideoSource cameraDevice = camera;
        AudioSource micDevice = microphone;
        String cam = cameraDevice == null ? result(() -> photos.snapshot().length > 0)
                : device(() -> DeviceSelfTest.camera(cameraDevice, java.time.Duration.ofSeconds(2)));
        String mic = micDevice == null ? i18n.text("session.selftest.mic.none")
                : device(() -> DeviceSelfTest.microphone(micDevice, java.time.Duration.ofSeconds(2)));
        String pd = pad == null ? i18n.text("session.selftest.canvas") : result(() -> {
            var slot = new org.tixun.core.session.SigningPlan.PlannedSlot("self-test", 0, SlotKind.SIGNATURE,
                    new org.tixun.core.evidence.model.SignerIdentity(i18n.text("terminal.selfTest.signer"),
                            org.tixun.core.evidence.model.SignerRole.WITNESS, ""));
            return !pad.capture(slot, 7).samples().isEmpty();
        });
        return new String[] {cam, mic, pd};
    }

    private interface DeviceProbe {
        DeviceSelfTest.Result run() throws InterruptedException;
    }

    private String device(DeviceProbe probe) {
        try {
            var r = probe.run();
            if (!r.passed()) {
                return i18n.text("session.selftest.fail", r.sentence());
            }
            // "摄像头正常：每秒 25.0 帧 (camera OK: …)": the row already names the device and says 正常.
            String s = r.sentence();
            int colon = s.indexOf('：');
            return i18n.text("session.selftest.ok", " · " + (colon >= 0 ? s.substring(colon + 1) : s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return i18n.text("session.selftest.fail", e.toString());
        }
    }

    private interface Probe {
        boolean ok() throws Exception;
    }

    private String result(Probe probe) {
        try {
            return i18n.text(probe.ok() ? "session.selftest.ok" : "session.selftest.fail", "");
        } catch (Exception e) {
            return i18n.text("session.selftest.fail", e.getMessage());
        }
    }
}
