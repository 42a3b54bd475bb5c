// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.Theme;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.core.devices.PadSpec;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.flow.Capture;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.signpad.PenSampleListener;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;

/**
 * Handwritten signing of the workstation's own slots (interrogators, recorder) in a remote session: each
 * {@link #capture} (called on the flow's worker thread) opens a 「工作站签名」 window with who signs, the page and what
 * is signed, and a signature canvas, and blocks until the signer confirms (Enter or 确认签名; Esc or 清除 clears).
 * Confirming an empty canvas only shows a message. Closing the window refuses the slot: {@code capture} throws and the
 * flow reports it; nothing is sealed. A fingerprint slot is taken on the configured fingerprint reader
 * ({@link #setFingerprintReader}): the signer presses, the impression must pass the quality gate (else the window
 * says why and the signer presses again); without a reader the window says so and the slot waits — nothing is ever
 * substituted.
 *
 * <p>With a pad configured ({@link #setPad}, the {@code workstation.pad} setting, e.g. {@code ISDV4:/dev/ttyUSB0})
 * the window opens that pad when it shows (off the FX thread), draws its pen samples on the canvas and says whether
 * the pad is connected; a signature written on the pad is recorded with the pad as its device. The pad is closed
 * when the window goes (confirmed, closed or the session interrupting). If the setting is wrong or the pad cannot
 * be opened the window says so and the canvas still takes the mouse or touch.
 */
public final class WorkstationSigningDialog implements SignatureSource {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationSigningDialog.class);
    /** What a pointer signature on the workstation's canvas is recorded as. */
    public static final DeviceInfo CANVAS = new DeviceInfo("Tixun", "Signature canvas (pointer)", "workstation", "1",
            1000, 400, 1, 60);

    private final I18n i18n;
    private volatile Window owner;
    private final AtomicReference<Stage> open = new AtomicReference<>();
    private volatile String padSetting = "";
    private volatile java.util.concurrent.Callable<org.tixun.core.devices.fingerprint.FingerprintReader> reader;

    public WorkstationSigningDialog(I18n i18n) {
        this(i18n, null);
    }

    /** @param owner the window the signing windows stay in front of (may be null, or set later) */
    public WorkstationSigningDialog(I18n i18n, Window owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    /**
     * The workstation's signature pad, as in the {@code workstation.pad} setting ({@code PROTOCOL:PORT}, see
     * {@link PadSpec}); blank or null: the canvas only. Takes effect from the next signing window.
     */
    public void setPad(String setting) {
        this.padSetting = setting == null ? "" : setting.trim();
    }

    /**
     * Opens the workstation's fingerprint reader for a fingerprint slot (the configured one:
     * {@code ConfiguredDevices::openFingerprintReader}); null: none, the slot waits with a message.
     */
    public void setFingerprintReader(
            java.util.concurrent.Callable<org.tixun.core.devices.fingerprint.FingerprintReader> opener) {
        this.reader = opener;
    }

    /** The window the signing windows stay in front of (e.g. the session window, once it exists). */
    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** The signing window now open, if any (for tests and screenshots). */
    public Stage openWindow() {
        return open.get();
    }

    @Override
    public Capture capture(PlannedSlot slot, int seed) throws IOException, InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("capture() blocks until the signer confirms: call it off the FX thread");
        }
        CompletableFuture<Capture> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                show(slot, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            // The session is closing: take the window away without a result.
            result.cancel(false);
            Platform.runLater(() -> {
                Stage s = open.getAndSet(null);
                if (s != null) {
                    s.close();
                }
            });
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /** The message of a refused slot in both languages, e.g. for the flow's problem line and the log. */
    String refusedMessage(PlannedSlot slot) {
        Object[] args = {slot.signer().name(), slot.pageIndex() + 1};
        return I18n.format(I18n.CHINESE, "session.wsSign.refused", args) + " ("
                + I18n.format(I18n.ENGLISH, "session.wsSign.refused", args) + ")";
    }

    /**
     * One press on the fingerprint reader, off the FX thread: an accepted impression completes the slot; a rejected
     * one, a timeout or a missing reader is said in the window and the button is offered again.
     */
    private void takeFingerprint(Stage stage, CompletableFuture<Capture> result, Button take, Label message) {
        var opener = reader;
        if (opener == null) {
            message.setText(i18n.text("session.wsSign.noReader"));
            return;
        }
        take.setDisable(true);
        message.setText(i18n.text("session.wsSign.pressNow"));
        Thread t = new Thread(() -> {
            String problem;
            try (var r = opener.call()) {
                Capture c = org.tixun.core.session.flow.FingerprintCaptures.capture(
                        new org.tixun.core.devices.fingerprint.FingerprintCapture(r),
                        org.tixun.core.devices.fingerprint.FingerPosition.RIGHT_INDEX, java.time.Duration.ofSeconds(30));
                Platform.runLater(() -> finish(stage, result, c));
                return;
            } catch (org.tixun.core.devices.fingerprint.FingerprintException ex) {
                problem = "zh".equals(i18n.locale().getLanguage()) ? ex.zh() : ex.en();
            } catch (org.tixun.core.devices.DeviceUnavailableException ex) {
                problem = ex.message(i18n.locale());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                LOG.warn("fingerprint reader failed", ex);
                problem = ex.getMessage();
            }
            String shown = problem;
            Platform.runLater(() -> {
                message.setText(i18n.text("session.wsSign.fingerprintFailed", shown));
                take.setDisable(false);
            });
        }, "tixun-fingerprint");
        t.setDaemon(true);
        t.start();
    }

    private void show(PlannedSlot slot, CompletableFuture<Capture> result) {
        int page = slot.pageIndex() + 1;
        Label who = new Label(i18n.text("session.wsSign.who", slot.signer().name(),
                i18n.text("session.wsSign.role." + slot.signer().role().name())));
        who.setId("wsSignWho");
        who.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label what = new Label(i18n.text("session.wsSign.what", page,
                i18n.text("session.wsSign.kind." + slot.kind().name())));
        what.setId("wsSignWhat");
        what.setWrapText(true);
        what.setStyle("-fx-font-size: 18px;");
        Label hint = new Label(i18n.text(fingerprint(slot) ? "session.wsSign.fingerprintHint"
                : "session.wsSign.keys"));
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        Label message = new Label();
        message.setId("wsSignMessage");
        message.getStyleClass().add(Styles.ERROR_TEXT);
        message.setWrapText(true);
        SignatureCanvas canvas = new SignatureCanvas();
        canvas.setId("wsSignCanvas");
        canvas.setPrefSize(640, 260);
        Button confirm = new Button(i18n.text("session.wsSign.confirm"));
        confirm.setId("wsSignConfirm");
        Button clear = new Button(i18n.text("session.wsSign.clear"));
        clear.setId("wsSignClear");
        Button fingerprintDone = new Button(i18n.text("session.wsSign.fingerprintDone"));
        fingerprintDone.setId("wsSignFingerprint");
        for (Button b : List.of(confirm, clear, fingerprintDone)) {
            b.setStyle("-fx-font-size: 16px;");
            // Enter and Esc are handled for the whole window (below), whatever has the focus.
            b.setFocusTraversable(false);
        }
        Label padStatus = new Label();
        padStatus.setId("wsSignPad");
        padStatus.setWrapText(true);
        PadLink pad = new PadLink(canvas, padStatus);
        Stage stage = new Stage();
        Runnable doConfirm = () -> {
            List<PenSample> samples = canvas.samples();
            if (samples.stream().noneMatch(PenSample::isContact)) {
                message.setText(i18n.text("session.wsSign.empty"));
                return;
            }
            long fromPad = samples.stream().filter(pad::delivered).count();
            if (fromPad > 0 && fromPad < samples.size()) {
                message.setText(i18n.text("session.wsSign.pad.mixed"));
                return;
            }
            try {
                finish(stage, result, org.tixun.core.session.flow.Capture.fromSamples(samples,
                        fromPad > 0 ? pad.deviceInfo() : CANVAS));
            } catch (IOException e) {
                message.setText(e.getMessage());
            }
        };
        Runnable doClear = () -> {
            canvas.clear();
            message.setText("");
        };
        confirm.setOnAction(e -> doConfirm.run());
        clear.setOnAction(e -> doClear.run());
        fingerprintDone.setOnAction(e -> takeFingerprint(stage, result, fingerprintDone, message));
        VBox box;
        if (fingerprint(slot)) {
            box = new VBox(12, who, what, hint, fingerprintDone, message);
        } else {
            box = padSetting.isEmpty() ? new VBox(12, who, what, hint, canvas, new HBox(12, confirm, clear), message)
                    : new VBox(12, who, what, hint, padStatus, canvas, new HBox(12, confirm, clear), message);
            VBox.setVgrow(canvas, Priority.ALWAYS);
        }
        box.setId("wsSignView");
        box.setPadding(new Insets(16));
        Scene scene = new Scene(box);
        Theme.style(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (fingerprint(slot)) {
                    fingerprintDone.fire();
                } else {
                    doConfirm.run();
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                doClear.run();
            }
        });
        stage.setTitle(i18n.text("session.wsSign.title", slot.signer().name()));
        Window w = owner;
        if (w != null && w.isShowing()) {
            stage.initOwner(w);
        }
        stage.setScene(scene);
        // Closing the window refuses the slot; the flow reports it and seals nothing.
        stage.setOnCloseRequest(e -> {
            e.consume();
            if (result.completeExceptionally(new org.tixun.core.session.flow.SigningCancelledException(refusedMessage(slot)))) {
                LOG.info("workstation signing of slot {} refused: the window was closed", slot.slotId());
            }
            close(stage);
        });
        // Hidden some other way (its owner closed) without a result: the session is closing, which interrupts the
        // waiting worker; nothing to complete here.
        // However the window goes (confirmed, closed, the session interrupting), the pad is released.
        stage.setOnHidden(e -> {
            open.compareAndSet(stage, null);
            pad.close();
        });
        open.set(stage);
        stage.show();
        stage.toFront();
        if (!fingerprint(slot) && !padSetting.isEmpty()) {
            pad.connect(padSetting);
        }
    }

    /**
     * The configured pad of one signing window: opened off the FX thread, its samples fed to the canvas (which
     * queues them from any thread), its state shown in the window; closed with the window.
     */
    private final class PadLink {
        private final SignatureCanvas canvas;
        private final Label status;
        private final Set<PenSample> delivered = ConcurrentHashMap.newKeySet();
        private volatile boolean padInfoOnCanvas;
        private volatile DeviceInfo device;
        private SignaturePad pad;
        private PadSpec spec;
        private boolean closed;

        PadLink(SignatureCanvas canvas, Label status) {
            this.canvas = canvas;
            this.status = status;
            // Mouse ink switches the canvas to pointer coordinates; the next pad sample switches it back.
            canvas.addPenSampleListener(s -> padInfoOnCanvas = false);
        }

        /** Parses the setting and opens the pad in the background (FX thread). */
        void connect(String setting) {
            Optional<PadSpec> parsed;
            try {
                parsed = PadSpec.parse(setting);
            } catch (IllegalArgumentException e) {
                LOG.warn("workstation pad setting is wrong: {}", e.getMessage());
                showProblem(i18n.text("session.wsSign.pad.badSetting", e.getMessage()));
                return;
            }
            if (parsed.isEmpty()) {
                return;
            }
            PadSpec s = parsed.get();
            status.getStyleClass().setAll("label", Styles.MUTED);
            status.setText(i18n.text("session.wsSign.pad.opening", s.describe()));
            Thread opener = new Thread(() -> open(s), "workstation-pad-open");
            opener.setDaemon(true);
            opener.start();
        }

        private void open(PadSpec s) {
            SignaturePad p = null;
            try {
                p = s.open();
                PadInfo info = p.info();
                device = s.deviceInfo(info);
                PenSampleListener feed = sample -> {
                    delivered.add(sample);
                    canvas.accept(sample);
                    if (!padInfoOnCanvas) {
                        padInfoOnCanvas = true;
                        Platform.runLater(() -> canvas.setPadInfo(info));
                    }
                };
                p.addSampleListener(feed);
                synchronized (this) {
                    if (closed) {
                        p.close();
                        return;
                    }
                    pad = p;
                    spec = s;
                }
                p.start();
                LOG.info("workstation signing pad connected: {}", info.describe());
                Platform.runLater(() -> {
                    canvas.setPadInfo(info);
                    status.getStyleClass().setAll("label", Styles.MUTED);
                    status.setText(i18n.text("session.wsSign.pad.connected", s.describe()));
                });
            } catch (Exception e) {
                if (p != null) {
                    p.close();
                }
                synchronized (this) {
                    pad = null;
                    if (closed) {
                        return;
                    }
                }
                LOG.warn("workstation signing pad {} could not be opened: {}", s, e.toString());
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> showProblem(i18n.text("session.wsSign.pad.failed", s.describe(), why)));
            }
        }

        private void showProblem(String text) {
            status.getStyleClass().setAll("label", Styles.ERROR_TEXT);
            status.setText(text);
        }

        boolean delivered(PenSample sample) {
            return delivered.contains(sample);
        }

        /** The device of a signature written on the pad. */
        DeviceInfo deviceInfo() {
            return device;
        }

        synchronized void close() {
            closed = true;
            if (pad != null) {
                pad.close();
                LOG.info("workstation signing pad {} closed", spec);
            }
        }
    }

    private void finish(Stage stage, CompletableFuture<Capture> result, Capture capture) {
        result.complete(capture);
        close(stage);
    }

    private void close(Stage stage) {
        open.compareAndSet(stage, null);
        stage.close();
    }

    private static boolean fingerprint(PlannedSlot slot) {
        return slot.kind() == SlotKind.FINGERPRINT || slot.kind() == SlotKind.CORRECTION;
    }
}
