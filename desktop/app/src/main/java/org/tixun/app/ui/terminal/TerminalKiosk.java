// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.demo.DemoData;
import org.tixun.core.session.EnrolledTerminal;
import org.tixun.core.session.LinkConfig;
import org.tixun.demo.PadSignatureSource;
import org.tixun.core.session.flow.SessionMedia;
import org.tixun.core.session.flow.TerminalBackup;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.session.flow.TerminalStation;

/**
 * The terminal kiosk's session part: enrollment on first start (name, code, listening address, the institution's root
 * code on success, errors), then the device self-test and the session screens on the configured port; a restarted
 * terminal resumes its latest session from the store.
 */
public final class TerminalKiosk extends StackPane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalKiosk.class);
    /** Environment variable with the terminal key store passphrase (default: the demo one). */
    public static final String PASSPHRASE_ENV = "TIXUN_TERMINAL_PASSPHRASE";

    private final AppContext ctx;
    private final I18n i18n;
    private final Path dataDir;
    private final String name;
    private final String listen;
    private final org.tixun.core.media.MediaDevices devices;
    private final char[] passphrase;
    private final Label state = new Label();
    private final Label code = new Label();
    private final Label result = new Label();
    private volatile TerminalStation.Enrolment enrolment;
    private volatile TerminalStation station;
    private volatile TerminalBackup backup;
    private volatile SessionMedia media;
    private volatile boolean closed;

    /**
     * Settings of the data dir: {@code terminal.listen}, {@code terminal.name}, and the configured devices
     * ({@link org.tixun.core.devices.config.ConfiguredDevices}: never a simulator).
     */
    public TerminalKiosk(AppContext ctx) {
        this(ctx, setting(ctx, TerminalStation.LISTEN_SETTING, TerminalStation.DEFAULT_LISTEN),
                setting(ctx, TerminalStation.NAME_SETTING, ctx.core().settings()
                        .get(org.tixun.core.store.Settings.INSTITUTION).orElse("") + " 远程提讯终端"),
                new org.tixun.core.devices.config.ConfiguredDevices(ctx.core().settings()));
    }

    /** A kiosk with the given camera and microphone ({@code devices}). */
    public TerminalKiosk(AppContext ctx, String listen, String name, org.tixun.core.media.MediaDevices devices) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.dataDir = ctx.core().dataDir().root().resolve("terminal");
        this.listen = listen;
        this.name = name;
        this.devices = devices;
        String env = System.getenv(PASSPHRASE_ENV);
        this.passphrase = (env != null ? env : DemoData.KEYSTORE_PASSPHRASE).toCharArray();
        setId("terminalKiosk");
    }

    private static String setting(AppContext ctx, String key, String fallback) {
        return ctx.core().settings().get(key).filter(v -> !v.isBlank()).orElse(fallback);
    }

    /** Enrolls when needed, then listens; work happens on a background thread. */
    /** The running terminal station (link, flow, devices), or null before enrollment and the self-test. */
    public TerminalStation station() {
        return station;
    }

    public void start() {
        if (TerminalStation.enrolled(dataDir)) {
            Thread t = new Thread(this::openSession, "tixun-terminal-open");
            t.setDaemon(true);
            t.start();
        } else {
            getChildren().setAll(enrollmentScreen());
            Thread t = new Thread(this::enroll, "tixun-terminal-enroll");
            t.setDaemon(true);
            t.start();
        }
    }

    private VBox enrollmentScreen() {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("terminal.enroll.title"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        Label nameLabel = new Label(i18n.text("terminal.enroll.name", name));
        nameLabel.setId("enrollName");
        Label codeTitle = new Label();
        codeTitle.textProperty().bind(i18n.bind("terminal.enroll.code"));
        code.setId("enrollCode");
        code.setStyle("-fx-font-size: 64px; -fx-font-weight: bold; -fx-font-family: monospace;");
        state.setId("enrollState");
        result.setId("enrollResult");
        result.setWrapText(true);
        for (Label l : new Label[] {nameLabel, codeTitle, state, result}) {
            l.setStyle("-fx-font-size: 26px;");
            l.setWrapText(true);
        }
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("terminal.enroll.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        hint.setStyle("-fx-font-size: 20px;");
        VBox box = new VBox(20, title, nameLabel, codeTitle, code, state, result, hint);
        box.setId("terminalEnrollment");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(1100);
        state.setText(i18n.text("terminal.enroll.preparing"));
        return box;
    }

    private void enroll() {
        try {
            InetSocketAddress address = TerminalStation.parse(listen);
            TerminalStation.Enrolment e = TerminalStation.Enrolment.open(dataDir, name, address);
            enrolment = e;
            String where = e.bound().getHostString() + ":" + e.bound().getPort();
            LOG.info("terminal enrollment open on {}, code {}", where, e.code());
            Platform.runLater(() -> {
                code.setText(e.code());
                state.setText(i18n.text("terminal.enroll.waiting", where));
            });
            EnrolledTerminal t;
            try {
                t = e.awaitAndSave(Duration.ofDays(1), passphrase);
            } finally {
                e.close();
                enrolment = null;
            }
            LOG.info("terminal enrolled; institution root code {}", t.rootCode());
            Platform.runLater(() -> {
                state.setText(i18n.text("terminal.enroll.done"));
                result.setText(i18n.text("terminal.enroll.rootCode", t.rootCode()));
            });
            openSession(t);
        } catch (IOException | RuntimeException ex) {
            if (closed) {
                return;
            }
            LOG.warn("terminal enrollment failed", ex);
            Platform.runLater(() -> {
                state.setText(i18n.text("terminal.enroll.failed"));
                result.setText(ex.getMessage());
                result.getStyleClass().add(Styles.ERROR_TEXT);
            });
        }
    }

    private void openSession() {
        try {
            openSession(TerminalStation.load(dataDir, passphrase));
        } catch (IOException | RuntimeException ex) {
            LOG.warn("terminal session could not start", ex);
            Platform.runLater(() -> getChildren().setAll(errorScreen(ex.getMessage())));
        }
    }

    private void openSession(EnrolledTerminal enrolled) {
        try {
            TerminalStation s = TerminalStation.open(dataDir, name, enrolled, LinkConfig.defaults());
            station = s;
            SessionMedia m = SessionMedia.open(devices, 640, 480, 25);
            media = m;
            backup = TerminalBackup.attach(dataDir, s.link(), m, RecordingConfig.sd());
            InetSocketAddress bound = s.listen(TerminalStation.parse(listen));
            String where = bound.getHostString() + ":" + bound.getPort();
            LOG.info("terminal listening on {}", where);
            PadSignatureSource pad = new PadSignatureSource(dataDir.resolve("pad"), 1000);
            Platform.runLater(() -> {
                TerminalSessionView view = new TerminalSessionView(ctx, s.flow(), s.link(), m.photos(), pad);
                view.useDevices(m.camera(), m.microphone(), where);
                m.sink().add(view.video());
                // Media is accepted only after the self-test has released the devices.
                view.setOnSelfTestDone(() -> m.acceptOn(s.link()));
                getChildren().setAll(view);
            });
        } catch (IOException | RuntimeException ex) {
            LOG.warn("terminal session could not start", ex);
            Platform.runLater(() -> getChildren().setAll(errorScreen(ex.getMessage())));
        }
    }

    private VBox errorScreen(String message) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("terminal.start.failed"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        Label detail = new Label(message);
        detail.setId("terminalStartError");
        detail.setWrapText(true);
        detail.setStyle("-fx-font-size: 22px;");
        detail.getStyleClass().add(Styles.ERROR_TEXT);
        VBox box = new VBox(20, title, detail);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        return box;
    }

    @Override
    public void close() {
        closed = true;
        try {
            TerminalStation.Enrolment e = enrolment;
            if (e != null) {
                e.close();
            }
            if (backup != null) {
                backup.close();
            }
            if (media != null) {
                media.close();
            }
            if (station != null) {
                station.close();
            }
        } catch (IOException e) {
            LOG.warn("terminal did not close cleanly", e);
        }
    }
}
