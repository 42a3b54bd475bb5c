// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.Theme;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.session.EnrollmentCode;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.flow.RemoteSession;
import org.tixun.core.session.flow.TerminalStation;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.Role;

/**
 * The workstation's remote-session actions: the administrator's terminal enrollment (address and the code the
 * terminal shows → certificate issued, root code shown for comparison, audited) and starting a remote session on a
 * record (the session screen connected to the configured terminal, camera from Settings, recorded in the data dir;
 * the workstation's signers sign by hand in the {@link WorkstationSigningDialog}).
 */
public final class RemoteSessionActions {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSessionActions.class);

    private final AppContext ctx;
    private final I18n i18n;
    private final Runnable onRecordChanged;

    public RemoteSessionActions(AppContext ctx) {
        this(ctx, () -> { });
    }

    /** @param onRecordChanged run on the FX thread when a session's record changes state (frozen, sealed) */
    public RemoteSessionActions(AppContext ctx, Runnable onRecordChanged) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.onRecordChanged = onRecordChanged;
    }

    /** Demo data dirs use the demo key store passphrase; otherwise the user types it. */
    boolean demoKeys() {
        return ctx.demo() || ctx.core().settings().get(Settings.DEMO).map("true"::equals).orElse(false);
    }

    /** The terminals dialog: enrolled terminals and the enrollment form. */
    public Stage terminalsDialog() {
        Stage stage = new Stage();
        stage.setTitle(i18n.text("terminals.title"));
        TextField address = new TextField(MachineConfig.load(ctx.core().settings()).terminalAddress());
        address.setId("enrollAddress");
        TextField code = new TextField();
        code.setId("enrollCodeInput");
        code.setPromptText("XXXXX-XXXXX");
        TextField name = new TextField(i18n.text("terminals.defaultName"));
        name.setId("enrollTerminalName");
        PasswordField pass = new PasswordField();
        pass.setId("enrollPassphrase");
        if (demoKeys()) {
            pass.setText(new String(org.tixun.core.session.demo.DemoKit.require().keystorePassphrase()));
        }
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        for (var p : new Object[][] {{"terminals.address", address}, {"terminals.code", code},
            {"terminals.name", name}, {"terminals.passphrase", pass}}) {
            Label l = new Label(i18n.text((String) p[0]));
            form.addRow(row++, l, (javafx.scene.Node) p[1]);
        }
        Label result = new Label();
        result.setId("enrollOutcome");
        result.setWrapText(true);
        result.setMaxWidth(640);
        ListView<String> connected = new ListView<>();
        connected.setId("connectedTerminals");
        connected.setPrefHeight(90);
        connected.setPlaceholder(new Label(i18n.text("terminals.noneConnected")));
        Runnable showConnected = () -> connected.getItems().setAll(ConnectedTerminals.entries().stream()
                .map(e -> i18n.text("terminals.connectedRow", e.name().isBlank() ? e.address() : e.name(),
                        e.address(), i18n.text("session.link." + e.state().name()))).toList());
        javafx.collections.ListChangeListener<ConnectedTerminals.Entry> follow = c -> showConnected.run();
        ConnectedTerminals.entries().addListener(follow);
        stage.setOnHidden(e -> ConnectedTerminals.entries().removeListener(follow));
        showConnected.run();
        ListView<String> list = new ListView<>();
        list.setId("enrolledTerminals");
        list.setPrefHeight(120);
        list.setPlaceholder(new Label(i18n.text("terminals.none")));
        Runnable refresh = () -> {
            try {
                list.getItems().setAll(RemoteSession.enrolledTerminals(ctx.core()).stream()
                        .map(t -> org.tixun.app.i18n.CoreText.localize(i18n.locale(), t)).toList());
            } catch (IOException e) {
                result.setText(org.tixun.app.i18n.CoreText.describe(i18n, e));
            }
        };
        refresh.run();
        Button enroll = new Button(i18n.text("terminals.enroll"));
        enroll.setId("enrollTerminal");
        enroll.setDefaultButton(true);
        boolean admin = ctx.currentUserProperty().get() == null
                || ctx.currentUserProperty().get().role() == Role.ADMINISTRATOR;
        enroll.setDisable(!admin);
        if (!admin) {
            result.setText(i18n.text("terminals.adminOnly"));
        }
        enroll.setOnAction(e -> {
            enroll.setDisable(true);
            result.getStyleClass().remove(Styles.ERROR_TEXT);
            result.setText(i18n.text("terminals.enrolling", address.getText()));
            char[] passphrase = pass.getText().toCharArray();
            String a = address.getText().strip();
            String c = code.getText();
            String n = name.getText().strip();
            Thread t = new Thread(() -> enroll(a, c, n, passphrase, message -> Platform.runLater(() -> {
                result.getStyleClass().remove(Styles.ERROR_TEXT);
                result.setText(message.text());
                if (!message.ok()) {
                    result.getStyleClass().add(Styles.ERROR_TEXT);
                }
                enroll.setDisable(false);
                refresh.run();
            })), "tixun-enroll");
            t.setDaemon(true);
            t.start();
        });
        Label connectedTitle = new Label(i18n.text("terminals.connected"));
        connectedTitle.getStyleClass().add("section-title");
        Label listTitle = new Label(i18n.text("terminals.list"));
        listTitle.getStyleClass().add("section-title");
        Label formTitle = new Label(i18n.text("terminals.enroll"));
        formTitle.getStyleClass().add("section-title");
        Label hint = new Label(i18n.text("terminals.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(640);
        hint.getStyleClass().add(Styles.MUTED);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(200, 360, Double.MAX_VALUE,
                        javafx.scene.layout.Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));
        result.setMaxWidth(Double.MAX_VALUE);
        hint.setMaxWidth(Double.MAX_VALUE);
        VBox root = new VBox(10, connectedTitle, connected, listTitle, list, formTitle, hint, form, enroll, result);
        root.setId("terminalsDialog");
        root.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll);
        Theme.style(scene);
        stage.setScene(scene);
        org.tixun.app.ui.shell.WindowPlacement.shared().apply(stage, org.tixun.app.ui.shell.WindowPlacement.Kind.TERMINALS);
        return stage;
    }

    /** Outcome of an enrollment, as shown. */
    public record Outcome(boolean ok, String text) {
    }

    /** Enrolls the terminal (blocking; call off the FX thread) and audits the outcome. */
    public void enroll(String address, String code, String name, char[] passphrase, Consumer<Outcome> done) {
        try {
            if (MachineConfig.parseAddress(address).isEmpty()) {
                throw new IOException(i18n.text("terminals.badAddress", address));
            }
            InstitutionKeyStore keys = keys(passphrase);
            X509Certificate cert = RemoteSession.enroll(ctx.core(), keys, passphrase, address, code, name,
                    Duration.ofSeconds(30));
            String rootCode = EnrollmentCode.of(keys.rootCertificate().getEncoded());
            ctx.core().audit().append(ctx.actor(), AuditAction.TERMINAL_ENROLLED, address,
                    cert.getSubjectX500Principal().getName());
            done.accept(new Outcome(true, i18n.text("terminals.enrolled", cert.getSubjectX500Principal().getName(),
                    rootCode)));
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            LOG.warn("terminal enrollment at {} failed", address, e);
            ctx.core().audit().append(ctx.actor(), AuditAction.TERMINAL_ENROLLMENT_FAILED, address,
                    String.valueOf(e.getMessage()));
            done.accept(new Outcome(false, i18n.text("terminals.failed",
                    org.tixun.app.i18n.CoreText.describe(i18n, e))));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Opens the session window for {@code record}, connected to the configured terminal. Returns the session (the
     * window closes it) or null with the reason shown.
     */
    public RemoteSession startSession(RecordSummary record) {
        if (record == null) {
            ctx.dialogs().showError(i18n.text("session.title"), i18n.text("session.remote.noRecord"));
            return null;
        }
        String address = MachineConfig.load(ctx.core().settings()).terminalAddress();
        if (address.isBlank()) {
            // Only administrators can open Settings: the others are told whom to ask.
            boolean admin = ctx.currentUserProperty().get() != null
                    && ctx.currentUserProperty().get().role() == Role.ADMINISTRATOR;
            ctx.dialogs().showError(i18n.text("session.title"),
                    i18n.text(admin ? "session.remote.noAddress" : "session.remote.noAddress.askAdmin"));
            return null;
        }
        char[] passphrase = passphrase();
        if (passphrase == null) {
            return null;
        }
        RemoteSession session;
        // The workstation's own signers (interrogators, recorder) sign by hand in a window over the session's.
        WorkstationSigningDialog signing = new WorkstationSigningDialog(i18n);
        // On the workstation's own pad when one is configured (the canvas takes the mouse either way).
        signing.setPad(ctx.core().settings().get(Settings.WORKSTATION_PAD).orElse(""));
        // Fingerprint slots on the configured reader (none configured: the window says so and the slot waits).
        signing.setFingerprintReader(() -> new org.tixun.core.devices.config.ConfiguredDevices(ctx.core().settings())
                .openFingerprintReader());
        try {
            InstitutionKeyStore keys = keys(passphrase);
            session = RemoteSession.start(ctx.core(), keys, passphrase, new RemoteSession.Start(address,
                    org.tixun.app.i18n.I18n.format(org.tixun.app.i18n.I18n.CHINESE,
                            "station.workstation.defaultName", ctx.core().settings().get(Settings.INSTITUTION)
                                    .orElse("")).strip(), record, ctx.devices(),
                    ctx.actor(), LinkConfig.defaults(), signing,
                    org.tixun.core.archive.ArchiveService.of(ctx.core())::fileSealed));
        } catch (IOException | RuntimeException e) {
            LOG.warn("remote session to {} could not start", address, e);
            ctx.dialogs().showError(i18n.text("session.title"), i18n.text("session.remote.failed",
                    org.tixun.app.i18n.CoreText.describe(i18n, e)));
            return null;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        ctx.core().audit().append(ctx.actor(), AuditAction.REMOTE_SESSION_STARTED, record.id(), address);
        SessionViewModel vm = new SessionViewModel(i18n, session.flow(), session.link(), session.baseData());
        SessionView view = new SessionView(ctx, vm);
        if (session.media() != null) {
            session.media().sink().add(view.video());
            vm.mutedProperty().addListener((o, was, on) -> {
                session.media().setPrivateMute(on);
                notePrivateMute(session.flow().recording(), on, ctx.actor());
            });
        }
        Stage stage = new Stage();
        stage.titleProperty().bind(i18n.bind("session.remote.window", record.title()));
        Scene scene = new Scene(view);
        Theme.style(scene);
        stage.setScene(scene);
        org.tixun.app.ui.shell.WindowPlacement.shared().apply(stage, org.tixun.app.ui.shell.WindowPlacement.Kind.SESSION);
        signing.setOwner(stage);
        ConnectedTerminals.add(session, session.link(), address);
        session.flow().addListener(new org.tixun.core.session.flow.FlowListener() {
            @Override
            public void phase(String phase) {
                Platform.runLater(onRecordChanged);
            }
        });
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable end = () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            ConnectedTerminals.remove(session);
            // Closing stops the media, finishes the recording's open segment, saves the typed text and the flow's
            // state, and closes the link. Done before anything else happens, so 「远程提讯」 right after takes the
            // same session up again with everything saved.
            try {
                session.close();
                ctx.core().audit().append(ctx.actor(), AuditAction.REMOTE_SESSION_ENDED, record.id(), address);
            } catch (IOException | RuntimeException ex) {
                LOG.warn("remote session did not close cleanly", ex);
            }
            onRecordChanged.run();
        };
        view.setHangUp(end);
        stage.setOnHidden(e -> end.run());
        stage.show();
        return session;
    }

    /** Demo data dirs: the demo key store (created on first use); otherwise the data dir's, with the passphrase. */
    private InstitutionKeyStore keys(char[] passphrase) throws IOException {
        return demoKeys() ? org.tixun.core.session.demo.DemoKit.require().keys(ctx.core())
                : InstitutionKeyStore.open(ctx.core().dataDir().keystore(), passphrase);
    }

    private char[] passphrase() {
        if (demoKeys()) {
            return org.tixun.core.session.demo.DemoKit.require().keystorePassphrase();
        }
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.setTitle(i18n.text("session.title"));
        PasswordField pf = new PasswordField();
        pf.setId("sessionPassphrase");
        d.getDialogPane().setContent(new VBox(8, new Label(i18n.text("terminals.passphrase")), pf));
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? pf.getText() : null);
        return d.showAndWait().map(String::toCharArray).orElse(null);
    }

    /** Notes a private mute interval in the session recording's log (sealed with the record); logs a failure. */
    public static void notePrivateMute(org.tixun.core.session.flow.SessionRecording recording, boolean on,
            String user) {
        try {
            recording.privateMute(on, user);
        } catch (IOException e) {
            LOG.error("private mute could not be noted in the recording log", e);
        }
    }
}
