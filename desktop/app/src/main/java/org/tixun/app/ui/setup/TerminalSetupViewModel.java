// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.setup;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.terminal.ListeningAddresses;
import org.tixun.core.session.flow.TerminalFirstRun;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.UserService;

/**
 * First run of a detention-centre terminal: only what a terminal needs (its name, the port it listens on, the local
 * administrator, the kiosk PIN). No institution keys, seal or case-system address: the terminal gets its certificate
 * and the institution's root by enrolling with a workstation, which the kiosk offers right after.
 */
public final class TerminalSetupViewModel {
    private final AppContext ctx;
    private final PasswordHasher hasher;
    private final StringProperty terminalName = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(Integer.toString(TerminalFirstRun.DEFAULT_PORT));
    private final StringProperty adminUsername = new SimpleStringProperty("admin");
    private final StringProperty adminName = new SimpleStringProperty("");
    private final StringProperty adminPassword = new SimpleStringProperty("");
    private final StringProperty adminPassword2 = new SimpleStringProperty("");
    private final StringProperty kioskPin = new SimpleStringProperty("");
    private final StringProperty kioskPin2 = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectBinding<List<String>> addresses;

    public TerminalSetupViewModel(AppContext ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = hasher;
        addresses = Bindings.createObjectBinding(() -> ListeningAddresses.of(new InetSocketAddress("0.0.0.0",
                portNumber() > 0 ? portNumber() : TerminalFirstRun.DEFAULT_PORT)), port);
    }

    private int portNumber() {
        String p = port.get() == null ? "" : port.get().strip();
        if (!p.matches("\\d{1,5}")) {
            return -1;
        }
        int n = Integer.parseInt(p);
        return n >= 1 && n <= 65535 ? n : -1;
    }

    /** Checks every field; messages land in {@link #errors()} keyed by field. */
    public boolean validate() {
        errors.clear();
        if (terminalName.get() == null || terminalName.get().isBlank()) {
            errors.put("terminalName", ctx.i18n().text("terminal.setup.error.name"));
        }
        if (portNumber() < 0) {
            errors.put("port", ctx.i18n().text("terminal.setup.error.port"));
        }
        if (adminName.get() == null || adminName.get().isBlank()) {
            errors.put("adminName", ctx.i18n().text("setup.error.adminName"));
        }
        if (adminUsername.get() == null || !adminUsername.get().matches("[a-z][a-z0-9._-]{1,31}")) {
            errors.put("adminUsername", ctx.i18n().text("setup.error.username"));
        }
        if (length(adminPassword) < UserService.MIN_PASSWORD) {
            errors.put("adminPassword", ctx.i18n().text("setup.error.password", UserService.MIN_PASSWORD));
        } else if (!adminPassword.get().equals(adminPassword2.get())) {
            errors.put("adminPassword2", ctx.i18n().text("setup.error.mismatch"));
        }
        if (kioskPin.get() == null || !kioskPin.get().matches("\\d{" + SetupViewModel.MIN_PIN + ",12}")) {
            errors.put("kioskPin", ctx.i18n().text("setup.error.pin", SetupViewModel.MIN_PIN));
        } else if (!kioskPin.get().equals(kioskPin2.get())) {
            errors.put("kioskPin2", ctx.i18n().text("setup.error.mismatch"));
        }
        return errors.isEmpty();
    }

    private static int length(StringProperty p) {
        return p.get() == null ? 0 : p.get().length();
    }

    /** Validates, then saves the terminal's settings, the administrator and the PIN in the background. */
    public void complete(Consumer<AppMode> onDone) {
        if (!validate()) {
            return;
        }
        busy.set(true);
        String name = terminalName.get().strip();
        String user = adminUsername.get();
        String display = adminName.get().strip();
        char[] pw = adminPassword.get().toCharArray();
        char[] pin = kioskPin.get().toCharArray();
        int listenPort = portNumber();
        ctx.tasks().run(() -> {
            try {
                new TerminalFirstRun(ctx.core(), hasher).run(new TerminalFirstRun.Request(name, user, display, pw,
                        pin, listenPort));
                return AppMode.TERMINAL;
            } finally {
                Arrays.fill(pw, '\0');
                Arrays.fill(pin, '\0');
            }
        }, mode -> {
            busy.set(false);
            adminPassword.set("");
            adminPassword2.set("");
            kioskPin.set("");
            kioskPin2.set("");
            onDone.accept(mode);
        }, failure -> {
            busy.set(false);
            errors.put("form", ctx.i18n().text("setup.error.failed", failure.getMessage()));
        });
    }

    /** The addresses a workstation will dial (this machine's, with the port typed). */
    public ObjectBinding<List<String>> addresses() {
        return addresses;
    }

    public StringProperty terminalNameProperty() {
        return terminalName;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty adminUsernameProperty() {
        return adminUsername;
    }

    public StringProperty adminNameProperty() {
        return adminName;
    }

    public StringProperty adminPasswordProperty() {
        return adminPassword;
    }

    public StringProperty adminPassword2Property() {
        return adminPassword2;
    }

    public StringProperty kioskPinProperty() {
        return kioskPin;
    }

    public StringProperty kioskPin2Property() {
        return kioskPin2;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
