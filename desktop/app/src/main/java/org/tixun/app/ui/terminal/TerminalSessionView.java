// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.VideoPane;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.demo.SampleRecord;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.ReadingConfirmation;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.FlowListener;
import org.tixun.demo.PadSignatureSource;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;

/**
 * The terminal's session screens in large type: device self-test before the session, the live record following the
 * current page, then the signing walk-through (reading choice, each page's signature on the canvas or pad, the
 * confirmation sentence, fingerprints), with the link state banner 「连接中断，正在重连…」 whenever the link is down.
 */
public final class TerminalSessionView extends BorderPane {
    /** What a pointer signature on the canvas is recorded as. */
    static final DeviceInfo CANVAS = new DeviceInfo("Tixun", "Signature canvas (pointer)", "screen", "1", 1000, 400,
            1, 60);

    private final AppContext ctx;
    private final TerminalFlow flow;
    private final I18n i18n;
    private final Label banner = new Label();
    private final ImageView liveImage = new ImageView();
    private final ScrollPane liveScroll;
    private final Label livePage = new Label();
    private final ImageView pageImage = new ImageView();
    private final Label instruction = new Label();
    private final Label detail = new Label();
    private final SignatureCanvas canvas = new SignatureCanvas();
    private final HBox readingButtons;
    private final HBox signButtons;
    private final Button fingerprint = new Button();
    private final VBox liveScreen;
    private final VBox signingScreen;
    private final VBox selfTest;
    private final VideoPane video;
    private final PhotoSource camera;
    private final SignatureSource pad;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tixun-terminal-ui");
        t.setDaemon(true);
        return t;
    });
    private volatile TerminalFlow.Step step;
    private volatile org.tixun.core.media.VideoSource selfTestCamera;
    private volatile org.tixun.core.media.AudioSource selfTestMicrophone;
    private Runnable onSelfTestDone = () -> { };
    private final Label waiting = new Label();

    public TerminalSessionView(AppContext ctx, TerminalFlow flow, TerminalLink link, PhotoSource camera,
            SignatureSource pad) {
        this.ctx = ctx;
        this.flow = flow;
        this.i18n = ctx.i18n();
        this.camera = camera;
        this.pad = pad;
        setId("terminalSessionView");
        getStyleClass().add(Styles.KIOSK);

        banner.setId("terminalLinkBanner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setAlignment(Pos.CENTER);
        banner.setStyle("-fx-background-color: #b3261e; -fx-text-fill: white; -fx-font-size: 22px; -fx-padding: 8;");
        banner.setVisible(false);
        banner.setManaged(false);

        video = new VideoPane(i18n);
        video.setPrefSize(300, 220);
        video.setMaxSize(300, 220);

        // Live record: the page at the cursor, fitted to the width, in large type.
        livePage.setId("terminalLivePage");
        livePage.setStyle("-fx-font-size: 20px;");
        liveImage.setId("terminalLiveImage");
        liveImage.setPreserveRatio(true);
        liveScroll = new ScrollPane(liveImage);
        liveScroll.setFitToWidth(true);
        liveImage.fitWidthProperty().bind(liveScroll.widthProperty().subtract(24));
        Label liveTitle = new Label();
        liveTitle.textProperty().bind(i18n.bind("session.terminal.live"));
        liveTitle.getStyleClass().add(Styles.KIOSK_STATUS);
        waiting.setId("terminalWaiting");
        waiting.setWrapText(true);
        waiting.setStyle("-fx-font-size: 30px; -fx-font-weight: bold;");
        waiting.setVisible(false);
        waiting.setManaged(false);
        liveScreen = new VBox(8, new HBox(16, liveTitle, livePage), waiting, liveScroll);
        VBox.setVgrow(liveScroll, Priority.ALWAYS);
        liveScreen.setPadding(new Insets(12));

        // Signing walk-through.
        pageImage.setId("terminalPageImage");
        pageImage.setPreserveRatio(true);
        ScrollPane pageScroll = new ScrollPane(pageImage);
        pageScroll.setFitToWidth(true);
        pageImage.fitWidthProperty().bind(pageScroll.widthProperty().subtract(24));
        instruction.setId("terminalInstruction");
        instruction.setWrapText(true);
        instruction.setStyle("-fx-font-size: 26px; -fx-font-weight: bold;");
        detail.setId("terminalDetail");
        detail.setWrapText(true);
        detail.setStyle("-fx-font-size: 20px;");
        Button readSelf = bigButton("terminalReadSelf", "session.terminal.read.self");
        Button readAloud = bigButton("terminalReadAloud", "session.terminal.read.aloud");
        readSelf.setOnAction(e -> choose(ReadingConfirmation.Path.READ));
        readAloud.setOnAction(e -> choose(ReadingConfirmation.Path.READ_ALOUD));
        readingButtons = new HBox(16, readSelf, readAloud);
        canvas.setId("terminalSignatureCanvas");
        canvas.setPrefSize(640, 260);
        Button confirm = bigButton("terminalConfirmSignature", "session.terminal.sign.confirm");
        Button clear = bigButton("terminalClearSignature", "session.terminal.sign.clear");
        Button padSign = bigButton("terminalPadSign", "session.terminal.sign.pad");
        confirm.setOnAction(e -> confirmCanvas());
        clear.setOnAction(e -> canvas.clear());
        padSign.setOnAction(e -> signWithPad());
        padSign.setVisible(pad != null);
        padSign.setManaged(pad != null);
        signButtons = new HBox(12, confirm, clear, padSign);
        fingerprint.setId("terminalFingerprint");
        fingerprint.textProperty().bind(i18n.bind("session.terminal.fingerprint.done"));
        fingerprint.setStyle("-fx-font-size: 20px;");
        fingerprint.setOnAction(e -> fingerprintDone());
        canvas.setPrefHeight(200);
        signingScreen = new VBox(10, instruction, detail, readingButtons, pageScroll, canvas, signButtons,
                fingerprint);
        signingScreen.setPadding(new Insets(12));
        VBox.setVgrow(pageScroll, Priority.ALWAYS);

        // Device self-test before the session.
        selfTest = selfTestScreen();

        StackPane screens = new StackPane(liveScreen, signingScreen, selfTest);
        StackPane.setAlignment(video, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(video, new Insets(12));
        StackPane withVideo = new StackPane(screens, video);
        setTop(banner);
        setCenter(withVideo);
        showOnly(selfTest);

        link.addListener(new LinkListener() {
            @Override
            public void onStateChanged(LinkStateEvent event) {
                Platform.runLater(() -> {
                    boolean down = event.state() == LinkState.LOST || event.state() == LinkState.RECONNECTING;
                    banner.setText(i18n.text(down ? "session.terminal.banner.lost" : "session.terminal.banner.ok"));
                    banner.setVisible(down);
                    banner.setManaged(down);
                    linkState = event.state();
                    updateWaiting();
                });
            }
        });
        flow.addListener(new FlowListener() {
            @Override
            public void liveRecord(LiveRecordUpdate update) {
                Image img = new Image(new ByteArrayInputStream(update.pagesPng().get(0)));
                Platform.runLater(() -> {
                    liveImage.setImage(img);
                    updateWaiting();
                    livePage.setText(i18n.text("session.terminal.page", update.firstPage(), update.pageCount()));
                    followCursor(update.cursorY());
                    // Shown once this pulse has painted it.
                    Platform.runLater(() -> flow.shown(update));
                });
            }

            @Override
            public void step(TerminalFlow.Step s) {
                Platform.runLater(() -> show(s));
            }

            @Override
            public void problem(String message) {
                Platform.runLater(() -> detail.setText(message));
            }
        });
        try {
            show(flow.current());
        } catch (IOException e) {
            detail.setText(e.getMessage());
        }
    }

    /**
     * Scrolls the live page so the paragraph being typed stays in view: its end about two thirds down the viewport
     * (the lines above it, being read, stay visible). Unknown cursor: the scroll position is left as it is.
     */
    private void followCursor(double cursorY) {
        if (cursorY < 0 || liveImage.getImage() == null) {
            return;
        }
        liveScroll.layout();
        double width = liveImage.getFitWidth() > 0 ? liveImage.getFitWidth() : liveImage.getImage().getWidth();
        double shown = width * liveImage.getImage().getHeight() / liveImage.getImage().getWidth();
        double viewport = liveScroll.getViewportBounds().getHeight();
        liveScroll.setVvalue(scrollFor(cursorY, shown, viewport));
    }

    /** The ScrollPane vvalue (0 to 1) that puts {@code cursorY} of a {@code content}-high image 2/3 down a viewport. */
    static double scrollFor(double cursorY, double content, double viewport) {
        if (content <= viewport || viewport <= 0) {
            return 0;
        }
        double top = cursorY * content - viewport * 2 / 3;
        return Math.max(0, Math.min(1, top / (content - viewport)));
    }

    private LinkState linkState = LinkState.CONNECTING;
    private String listening;

    /**
     * Self-test with {@link org.tixun.core.media.DeviceSelfTest} on these devices (camera frame rate and picture,
     * microphone level) before they are handed to the media call; {@code listening} is shown while waiting.
     */
    public void useDevices(org.tixun.core.media.VideoSource camera, org.tixun.core.media.AudioSource microphone,
            String listening) {
        this.selfTestCamera = camera;
        this.selfTestMicrophone = microphone;
        this.listening = listening;
        updateWaiting();
    }

    /** Runs once when the self-test screen is left (e.g. hand the devices to the media call). */
    public void setOnSelfTestDone(Runnable r) {
        this.onSelfTestDone = r;
    }

    private boolean selfTestDoneRun;

    private void selfTestDone() {
        if (!selfTestDoneRun) {
            selfTestDoneRun = true;
            onSelfTestDone.run();
        }
    }

    private void updateWaiting() {
        boolean show = liveImage.getImage() == null;
        String where = listening == null ? "" : i18n.text("session.terminal.listening", listening);
        waiting.setText(i18n.text(linkState == LinkState.CONNECTED ? "session.terminal.connected"
                : "session.terminal.waiting") + where);
        waiting.setVisible(show);
        waiting.setManaged(show);
    }

    /** The sink the media call paints into. */
    public VideoPane video() {
        return video;
    }

    private Button bigButton(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setStyle("-fx-font-size: 22px; -fx-padding: 10 24 10 24;");
        return b;
    }

    private VBox selfTestScreen() {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("session.selftest.title"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        Label cameraRow = new Label();
        cameraRow.setId("selfTestCamera");
        Label micRow = new Label();
        micRow.setId("selfTestMic");
        Label padRow = new Label();
        padRow.setId("selfTestPad");
        for (Label l : new Label[] {cameraRow, micRow, padRow}) {
            l.setStyle("-fx-font-size: 22px;");
            l.setText("…");
        }
        Button run = bigButton("selfTestRun", "session.selftest.run");
        Button proceed = bigButton("selfTestContinue", "session.selftest.continue");
        run.setOnAction(e -> {
            run.setDisable(true);
            work.execute(() -> {
                var cameraDevice = selfTestCamera;
                var micDevice = selfTestMicrophone;
                String cam = cameraDevice == null ? result(() -> camera.snapshot().length > 0)
                        : device(() -> org.tixun.core.media.DeviceSelfTest.camera(cameraDevice,
                                java.time.Duration.ofSeconds(2)));
                String mic = micDevice == null ? i18n.text("session.selftest.mic.none")
                        : device(() -> org.tixun.core.media.DeviceSelfTest.microphone(micDevice,
                                java.time.Duration.ofSeconds(2)));
                String pd = pad == null ? i18n.text("session.selftest.canvas") : result(() -> {
                    var slot = new org.tixun.core.session.SigningPlan.PlannedSlot("self-test", 0, SlotKind.SIGNATURE,
                            new org.tixun.core.evidence.model.SignerIdentity("自检", 
                                    org.tixun.core.evidence.model.SignerRole.WITNESS, ""));
                    return !pad.capture(slot, 7).samples().isEmpty();
                });
                Platform.runLater(() -> {
                    cameraRow.setText(i18n.text("session.selftest.camera", cam));
                    micRow.setText(i18n.text("session.selftest.mic", mic));
                    padRow.setText(i18n.text("session.selftest.pad", pd));
                    run.setDisable(false);
                });
            });
        });
        proceed.setOnAction(e -> {
            selfTestPassed = true;
            selfTestDone();
            try {
                show(flow.current());
            } catch (IOException ex) {
                detail.setText(ex.getMessage());
            }
        });
        VBox box = new VBox(18, title, cameraRow, micRow, padRow, new HBox(16, run, proceed));
        box.setId("terminalSelfTest");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(40));
        box.setStyle("-fx-background-color: -color-bg-default;");
        return box;
    }

    private interface DeviceProbe {
        org.tixun.core.media.DeviceSelfTest.Result run() throws InterruptedException;
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

    private boolean selfTestPassed;

    /** Skips the self-test screen (tests, or the officer already ran it). */
    public void skipSelfTest() {
        selfTestPassed = true;
        selfTestDone();
        try {
            show(flow.current());
        } catch (IOException e) {
            detail.setText(e.getMessage());
        }
    }

    private void showOnly(javafx.scene.Node n) {
        for (javafx.scene.Node s : new javafx.scene.Node[] {liveScreen, signingScreen, selfTest}) {
            s.setVisible(s == n);
        }
    }

    private void show(TerminalFlow.Step s) {
        if (s == null) {
            return;
        }
        step = s;
        if (!selfTestPassed) {
            showOnly(selfTest);
            return;
        }
        switch (s.kind()) {
            case WAITING -> showOnly(liveScreen);
            case READING -> {
                showOnly(signingScreen);
                page(s.pageCount() - 1);
                instruction.setText(i18n.text("session.terminal.read.title"));
                detail.setText(i18n.text("session.terminal.read.detail", s.pageCount()));
                set(true, false, false);
            }
            case SLOT -> {
                showOnly(signingScreen);
                page(s.slot().pageIndex());
                canvas.clear();
                String who = s.slot().signer().name() + "（" + s.slot().signer().role().zh() + "）";
                switch (s.slot().kind()) {
                    case FINGERPRINT -> {
                        instruction.setText(i18n.text("session.terminal.fingerprint", s.slot().pageIndex() + 1));
                        detail.setText(i18n.text("session.terminal.step", s.index() + 1, s.total(), who));
                        set(false, false, true);
                    }
                    case CONFIRMATION -> {
                        instruction.setText(i18n.text("session.terminal.confirmation"));
                        detail.setText("以上笔录我看过（向我宣读过），和我说的相符\n"
                                + i18n.text("session.terminal.step", s.index() + 1, s.total(), who));
                        set(false, true, false);
                    }
                    default -> {
                        instruction.setText(i18n.text("session.terminal.sign", s.slot().pageIndex() + 1));
                        detail.setText(i18n.text("session.terminal.step", s.index() + 1, s.total(), who));
                        set(false, true, false);
                    }
                }
            }
            case DONE -> {
                showOnly(signingScreen);
                instruction.setText(i18n.text("session.terminal.done"));
                detail.setText("");
                set(false, false, false);
            }
            case ENDED -> {
                showOnly(signingScreen);
                instruction.setText(i18n.text("session.terminal.ended"));
                detail.setText(flow.state().endMessage == null ? "" : flow.state().endMessage);
                set(false, false, false);
            }
        }
    }

    private void set(boolean reading, boolean signing, boolean finger) {
        readingButtons.setVisible(reading);
        readingButtons.setManaged(reading);
        canvas.setVisible(signing);
        canvas.setManaged(signing);
        signButtons.setVisible(signing);
        signButtons.setManaged(signing);
        fingerprint.setVisible(finger);
        fingerprint.setManaged(finger);
    }

    private void page(int index) {
        try {
            pageImage.setImage(new Image(new ByteArrayInputStream(flow.page(index))));
        } catch (IOException e) {
            detail.setText(e.getMessage());
        }
    }

    private void choose(ReadingConfirmation.Path path) {
        work.execute(() -> run(() -> flow.chooseReading(path)));
    }

    private void confirmCanvas() {
        TerminalFlow.Step s = step;
        var samples = canvas.samples();
        if (s == null || s.kind() != TerminalFlow.StepKind.SLOT || samples.isEmpty()) {
            detail.setText(i18n.text("session.terminal.sign.empty"));
            return;
        }
        work.execute(() -> run(() -> complete(s, org.tixun.core.session.flow.Capture.fromSamples(samples, CANVAS))));
    }

    private void signWithPad() {
        TerminalFlow.Step s = step;
        if (s == null || s.kind() != TerminalFlow.StepKind.SLOT) {
            return;
        }
        work.execute(() -> run(() -> complete(s, pad.capture(s.slot(), s.index()))));
    }

    private void fingerprintDone() {
        TerminalFlow.Step s = step;
        if (s == null || s.kind() != TerminalFlow.StepKind.SLOT) {
            return;
        }
        work.execute(() -> run(() -> {
            java.time.Instant t = java.time.Instant.now();
            long mono = System.nanoTime();
            // The fingerprint reader is simulated in the demo: the sample impression image.
            complete(s, new Capture(java.util.List.of(), null, SampleRecord.fingerprintImage(), t, t, mono, mono, 0, 0,
                    CANVAS));
        }));
    }

    private void complete(TerminalFlow.Step s, Capture c) throws Exception {
        boolean first = s.index() == 0 || !flow.state().slots.get(s.index() - 1).signer().equals(s.slot().signer());
        flow.complete(s.slot(), c, first ? camera.snapshot() : null, camera.snapshot());
    }

    private interface Action {
        void run() throws Exception;
    }

    private void run(Action a) {
        try {
            a.run();
        } catch (Exception e) {
            Platform.runLater(() -> detail.setText(i18n.text("session.terminal.error", e.getMessage())));
        }
    }
}
