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
import org.tixun.core.session.EnrolledTerminal;
import org.tixun.core.session.LinkConfig;
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
    /** Environment variable with the terminal key store passphrase (default: this machine's own secret). */
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
    private final Label addresses = new Label();
    private final Label result = new Label();
    private volatile TerminalStation.Enrolment enrolment;
    private volatile TerminalStation station;
    private volatile TerminalBackup backup;
    private volatile SessionMedia media;
    private volatile TerminalSessionView view;
    private volatile boolean closed;

    /**
     * Settings of the data dir: {@code terminal.listen}, {@code terminal.name}, and the configured devices
     * ({@link org.tixun.core.devices.config.ConfiguredDevices}: never a simulator).
     */
    public TerminalKiosk(AppContext ctx) {
        this(ctx, setting(ctx, TerminalStation.LISTEN_SETTING, TerminalStation.DEFAULT_LISTEN),
                setting(ctx, TerminalStation.NAME_SETTING, org.tixun.app.i18n.I18n.format(
                        org.tixun.app.i18n.I18n.CHINESE, "station.terminal.defaultName", ctx.core().settings()
                                .get(org.tixun.core.store.Settings.INSTITUTION).orElse("")).strip()),
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
        this.passphrase = passphrase(ctx, dataDir);
        setId("terminalKiosk");
        TerminalStyles.apply(this);
    }

    /** Settings key: a file holding the terminal key store passphrase, named by the administrator. */
    public static final String PASSPHRASE_FILE_SETTING = TerminalStation.PASSPHRASE_FILE_SETTING;

    /**
     * The key store passphrase: {@value #PASSPHRASE_ENV} when set, the demo's in a demo data dir, the file the
     * administrator names in {@value #PASSPHRASE_FILE_SETTING}, otherwise this machine's own secret
     * ({@link TerminalStation#machinePassphrase}); never a public constant on a real terminal.
     */

    static char[] passphrase(AppContext ctx, Path dataDir) {
        String env = System.getenv(PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (ctx.demo()) {
            return org.tixun.core.session.demo.DemoKit.require().keystorePassphrase();
        }
        var named = ctx.core().settings().get(PASSPHRASE_FILE_SETTING).map(String::strip).filter(v -> !v.isEmpty());
        if (named.isPresent()) {
            // A secret the administrator keeps where they chose (e.g. a root-owned file or a mounted token).
            Path file = Path.of(named.get());
            try {
                String secret = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip();
                if (secret.isEmpty()) {
                    throw new java.io.UncheckedIOException(new org.tixun.core.i18n.LocalizedIOException(
                            TerminalStation.passphraseFileUnreadable(file, TerminalStation.passphraseFileEmpty())));
                }
                return secret.toCharArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(new org.tixun.core.i18n.LocalizedIOException(
                        TerminalStation.passphraseFileUnreadable(file, e), e));
            }
        }
        try {
            return TerminalStation.machinePassphrase(dataDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the terminal's key store passphrase cannot be read or made in "
                    + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the terminal's slots are signed besides the screen: the configured pad and fingerprint reader (never a
     * simulator); null when neither is configured (the screen canvas only, the view says so).
     */
    static org.tixun.core.session.flow.SignatureSource devices(AppContext ctx, Path dataDir) {
        if (ctx.demo()) {
            return org.tixun.core.session.demo.DemoKit.require().pad(dataDir.resolve("pad"), 1000);
        }
        var configured = new org.tixun.core.devices.config.ConfiguredDevices(ctx.core().settings());
        org.tixun.core.devices.PadSpec pad = null;
        try {
            pad = org.tixun.core.devices.PadSpec.parse(configured.setting(
                    org.tixun.core.devices.DeviceKind.SIGNATURE_PAD)).orElse(null);
        } catch (IllegalArgumentException e) {
            LOG.warn("the terminal's pad setting is wrong, signing on the screen only: {}", e.getMessage());
        }
        boolean reader = !configured.setting(org.tixun.core.devices.DeviceKind.FINGERPRINT_READER).isBlank();
        var source = new org.tixun.core.session.flow.ConfiguredSignatureSource(pad,
                reader ? configured::openFingerprintReader : null, java.time.Duration.ofMillis(2500),
                java.time.Duration.ofSeconds(60));
        return source.hasDevices() ? source : null;
    }

    private static String setting(AppContext ctx, String key, String fallback) {
        return ctx.core().settings().get(key).filter(v -> !v.isBlank()).orElse(fallback);
    }

    /** The running terminal station (link, flow, devices), or null before enrollment and the self-test. */
    public TerminalStation station() {
        return station;
    }

    /**
     * Enrolls when needed, then listens. The enrollment waits on a thread of its own (it blocks until a workstation
     * enrols this terminal, ended by {@link #close()}); the session screens run their work on the app's task runner.
     */
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

    private javafx.scene.Node enrollmentScreen() {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("terminal.enroll.title"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        title.setWrapText(true);
        Label nameLabel = new Label();
        nameLabel.textProperty().bind(i18n.bind("terminal.enroll.name", name));
        nameLabel.setId("enrollName");
        Label codeTitle = new Label();
        codeTitle.textProperty().bind(i18n.bind("terminal.enroll.code"));
        code.setId("enrollCode");
        code.getStyleClass().add("kiosk-enroll-code");
        addresses.setId("enrollAddresses");
        state.setId("enrollState");
        result.setId("enrollResult");
        for (Label l : new Label[] {nameLabel, codeTitle, addresses, state, result}) {
            l.getStyleClass().add("kiosk-enroll-text");
            l.setWrapText(true);
        }
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("terminal.enroll.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.MUTED, "kiosk-enroll-hint");
        VBox box = new VBox(16, title, nameLabel, codeTitle, code, addresses, state, result, hint);
        box.setId("terminalEnrollment");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(32));
        box.setMaxWidth(1100);
        state.setText(i18n.text("terminal.enroll.preparing"));
        // On a small or scaled screen the screen scrolls rather than cutting the code or the addresses off.
        return TerminalStyles.centredScroll(box);
    }

    private void enroll() {
        try {
            InetSocketAddress address = TerminalStation.parse(listen);
            TerminalStation.Enrolment e = TerminalStation.Enrolment.open(dataDir, name, address);
            enrolment = e;
            String where = String.join(i18n.text("terminal.addresses.separator"), ListeningAddresses.of(e.bound()));
            LOG.info("terminal enrollment open on {} ({}), code {}", e.bound(), where, e.code());
            Platform.runLater(() -> {
                code.setText(e.code());
                addresses.setText(i18n.text("terminal.enroll.addresses", where));
                state.setText(i18n.text("terminal.enroll.waitingFor"));
            });
            EnrolledTerminal t;
            try {
                t = e.awaitAndSave(Duration.ofDays(1), passphrase);
            } finally {
                e.close();
                enrolment = null;
            }
            LOG.info("terminal enrolled; institution root code {}", t.rootCode());
            enrolled(t);
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
            String where = String.join(i18n.text("terminal.addresses.separator"), ListeningAddresses.of(bound));
            LOG.info("terminal listening on {} ({})", bound, where);
            org.tixun.core.session.flow.SignatureSource pad = devices(ctx, dataDir);
            Platform.runLater(() -> {
                if (closed) {
                    return;
                }
                TerminalSessionView v = new TerminalSessionView(ctx, s.flow(), s.link(), m.photos(), pad);
                view = v;
                v.useDevices(m.camera(), m.microphone(), where);
                m.sink().add(v.video());
                // Media is accepted only after the self-test has released the devices.
                v.setOnSelfTestDone(() -> m.acceptOn(s.link()));
                getChildren().setAll(v);
            });
        } catch (IOException | RuntimeException ex) {
            LOG.warn("terminal session could not start", ex);
            Platform.runLater(() -> getChildren().setAll(errorScreen(ex.getMessage())));
        }
    }

    /**
     * After enrolling: the terminal now belongs to the institution whose root it received; its name is taken from
     * the root certificate when this machine has none yet (a terminal's first run does not ask for it), and the
     * enrolment is audited here too.
     */
    private void enrolled(EnrolledTerminal t) {
        var settings = ctx.core().settings();
        String institution = institutionOf(t.root());
        if (settings.get(org.tixun.core.store.Settings.INSTITUTION).filter(v -> !v.isBlank()).isEmpty()
                && !institution.isBlank()) {
            settings.put(org.tixun.core.store.Settings.INSTITUTION, institution);
        }
        ctx.core().audit().append(ctx.actor(), org.tixun.core.audit.AuditAction.TERMINAL_ENROLLED, name,
                "root code " + t.rootCode() + (institution.isBlank() ? "" : ", institution " + institution));
    }

    /** The organisation (else the common name) of a certificate's subject, or empty. */
    static String institutionOf(java.security.cert.X509Certificate cert) {
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        for (var type : new org.bouncycastle.asn1.ASN1ObjectIdentifier[] {org.bouncycastle.asn1.x500.style.BCStyle.O,
                org.bouncycastle.asn1.x500.style.BCStyle.CN}) {
            var rdns = name.getRDNs(type);
            if (rdns.length > 0 && rdns[0].getFirst() != null) {
                return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
            }
        }
        return "";
    }

    private VBox errorScreen(String message) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("terminal.start.failed"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        Label detail = new Label(message);
        detail.setId("terminalStartError");
        detail.setWrapText(true);
        detail.getStyleClass().addAll(Styles.ERROR_TEXT, TerminalStyles.BODY);
        VBox box = new VBox(20, title, detail);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        return box;
    }

    @Override
    public void close() {
        closed = true;
        TerminalSessionView v = view;
        if (v != null) {
            v.viewModel().close();
        }
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
