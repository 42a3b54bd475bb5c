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
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.devices.config.ConfiguredDevices;
import org.tixun.core.devices.config.DeviceSelfTests;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.DeviceSelfTest;
import org.tixun.core.media.VideoSource;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;

/**
 * The device self-test before a session (camera frame rate and picture, microphone level, signature pad, fingerprint
 * reader), run through the app's task runner, each result in the reader's language; 「进入提讯」 leaves it for the
 * session. A reader that is not configured is said: fingerprint steps will wait for one, nothing is substituted.
 */
final class TerminalSelfTestView extends VBox {
    private final I18n i18n;
    private final PhotoSource photos;
    private final SignatureSource pad;
    private final String readerSetting;
    private final DeviceSelfTests deviceTests;
    private volatile VideoSource camera;
    private volatile AudioSource microphone;

    TerminalSelfTestView(AppContext ctx, PhotoSource photos, SignatureSource pad, Runnable onContinue) {
        this.i18n = ctx.i18n();
        this.photos = photos;
        this.pad = pad;
        ConfiguredDevices configured = new ConfiguredDevices(ctx.core().settings());
        this.readerSetting = configured.setting(DeviceKind.FINGERPRINT_READER);
        this.deviceTests = new DeviceSelfTests(configured);
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
        Label readerRow = new Label();
        readerRow.setId("selfTestFingerprint");
        for (Label l : new Label[] {cameraRow, micRow, padRow, readerRow}) {
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
                readerRow.setText(i18n.text("session.selftest.fingerprint", rows[3]));
                run.setDisable(false);
            }, err -> {
                cameraRow.setText(i18n.text("session.selftest.fail", err.getMessage()));
                run.setDisable(false);
            });
        });
        proceed.setOnAction(e -> onContinue.run());
        FlowPane actions = new FlowPane(16, 12, run, proceed);
        getChildren().addAll(title, cameraRow, micRow, padRow, readerRow, actions);
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
    private String[] probe() throws InterruptedException {
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
        String reader = readerSetting.isEmpty() ? i18n.text("session.selftest.fingerprint.none")
                : localized(deviceTests.fingerprintReader(readerSetting, java.time.Duration.ZERO));
        return new String[] {cam, mic, pd, reader};
    }

    /** 正常 · what was found, or 异常：what is wrong and what to do, in the reader's language. */
    private String localized(SelfTestResult r) {
        String said = r.message(i18n.locale());
        return r.passed() ? i18n.text("session.selftest.ok", detail(said)) : i18n.text("session.selftest.fail", said);
    }

    /** "摄像头正常：每秒 25.0 帧" → " · 每秒 25.0 帧": the row already names the device and says 正常. */
    private static String detail(String said) {
        int colon = said.indexOf('：') >= 0 ? said.indexOf('：') : said.indexOf(": ");
        return " · " + (colon >= 0 ? said.substring(colon + 1).strip() : said);
    }

    private interface DeviceProbe {
        DeviceSelfTest.Result run() throws InterruptedException;
    }

    private String device(DeviceProbe probe) {
        try {
            var r = probe.run();
            String said = r.message(i18n.locale());
            if (!r.passed()) {
                return i18n.text("session.selftest.fail", said);
            }
            return i18n.text("session.selftest.ok", detail(said));
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
