// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.setup;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tixun.core.setup.FirstRunSetup;
import org.tixun.core.setup.KeySource;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.UserService;
import org.tixun.core.util.Messages;

/**
 * First run: the institution, the administrator, the kiosk PIN, the institution keys (generate,
 * import a PKCS#12 or use a PKCS#11 token) and the machine's role, terminal and case-system addresses.
 */
public final class SetupViewModel {
    public static final int MIN_PASSPHRASE = 12;
    public static final int MIN_PIN = 6;

    private final AppContext ctx;
    private final PasswordHasher hasher;
    private final StringProperty institution = new SimpleStringProperty("");
    private final StringProperty adminUsername = new SimpleStringProperty("admin");
    private final StringProperty adminName = new SimpleStringProperty("");
    private final StringProperty adminPassword = new SimpleStringProperty("");
    private final StringProperty adminPassword2 = new SimpleStringProperty("");
    private final StringProperty kioskPin = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphrase2 = new SimpleStringProperty("");
    private final ObjectProperty<AppMode> role = new SimpleObjectProperty<>(AppMode.WORKSTATION);
    private final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.GENERATE);
    private final StringProperty importPath = new SimpleStringProperty("");
    private final StringProperty pkcs11Path = new SimpleStringProperty("");
    private final StringProperty terminalAddress = new SimpleStringProperty("");
    private final StringProperty caseSystemUrl = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SetupViewModel(AppContext ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = hasher;
        // Messages shown are written again in the new language.
        ctx.i18n().localeProperty().addListener((o, was, now) -> {
            if (!errors.isEmpty() && !errors.containsKey("form")) {
                validate();
            }
        });
    }

    /** Checks every field; messages land in {@link #errors()} keyed by field. */
    public boolean validate() {
        errors.clear();
        require("institution", institution.get(), "setup.error.institution");
        require("adminName", adminName.get(), "setup.error.adminName");
        if (adminUsername.get() == null || !adminUsername.get().matches("[a-z][a-z0-9._-]{1,31}")) {
            errors.put("adminUsername", ctx.i18n().text("setup.error.username"));
        }
        if (length(adminPassword) < UserService.MIN_PASSWORD) {
            errors.put("adminPassword", ctx.i18n().text("setup.error.password", UserService.MIN_PASSWORD));
        } else if (!adminPassword.get().equals(adminPassword2.get())) {
            errors.put("adminPassword2", ctx.i18n().text("setup.error.mismatch"));
        }
        if (kioskPin.get() == null || !kioskPin.get().matches("\\d{" + MIN_PIN + ",12}")) {
            errors.put("kioskPin", ctx.i18n().text("setup.error.pin", MIN_PIN));
        }
        switch (keySource.get()) {
            case GENERATE -> {
                if (length(passphrase) < MIN_PASSPHRASE) {
                    errors.put("passphrase", ctx.i18n().text("setup.error.passphrase", MIN_PASSPHRASE));
                } else if (!passphrase.get().chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                    // Java's PKCS#12 key store writes such a passphrase but cannot open the file with it again.
                    errors.put("passphrase", ctx.i18n().text("setup.error.passphraseAscii"));
                } else if (!passphrase.get().equals(passphrase2.get())) {
                    errors.put("passphrase2", ctx.i18n().text("setup.error.mismatch"));
                }
            }
            case IMPORT_PKCS12 -> {
                require("importPath", importPath.get(), "setup.error.importPath");
                require("passphrase", passphrase.get(), "setup.error.importPassphrase");
            }
            case PKCS11 -> require("pkcs11Path", pkcs11Path.get(), "setup.error.pkcs11Path");
            default -> throw new IllegalStateException("unknown key source");
        }
        for (MachineConfig.Problem p : machine().validate()) {
            errors.put(p.field(), Messages.get(ctx.i18n().locale(), p.key(), java.util.List.of()));
        }
        return errors.isEmpty();
    }

    private static int length(StringProperty p) {
        return p.get() == null ? 0 : p.get().length();
    }

    private void require(String field, String value, String key) {
        if (value == null || value.isBlank()) {
            errors.put(field, ctx.i18n().text(key));
        }
    }

    /** Validates, then creates keys, administrator and settings in the background. */
    public void complete(java.util.function.Consumer<AppMode> onDone) {
        if (!validate()) {
            return;
        }
        busy.set(true);
        String inst = institution.get().strip();
        String user = adminUsername.get();
        String name = adminName.get().strip();
        char[] pw = adminPassword.get().toCharArray();
        char[] pass = passphrase.get().toCharArray();
        char[] pin = kioskPin.get().toCharArray();
        KeySource source = keySource.get();
        java.nio.file.Path importFrom = blankToNull(importPath.get());
        java.nio.file.Path pkcs11 = blankToNull(pkcs11Path.get());
        MachineConfig machine = machine();
        ctx.tasks().run(() -> {
            try {
                new FirstRunSetup(ctx.core(), hasher).run(new FirstRunSetup.Request(inst, user, name, pw, pin, source,
                        pass, importFrom, pkcs11, machine));
                return machine.role();
            } finally {
                Arrays.fill(pw, '\0');
                Arrays.fill(pass, '\0');
                Arrays.fill(pin, '\0');
            }
        }, chosenRole -> {
            busy.set(false);
            adminPassword.set("");
            adminPassword2.set("");
            passphrase.set("");
            passphrase2.set("");
            kioskPin.set("");
            onDone.accept(chosenRole);
        }, failure -> {
            busy.set(false);
            errors.put("form", ctx.i18n().text("setup.error.failed",
                    org.tixun.app.i18n.CoreText.describe(ctx.i18n(), failure)));
        });
    }

    private MachineConfig machine() {
        return new MachineConfig(role.get(), terminalAddress.get(), caseSystemUrl.get());
    }

    private static java.nio.file.Path blankToNull(String s) {
        return s == null || s.isBlank() ? null : java.nio.file.Path.of(s.strip());
    }

    public ObjectProperty<AppMode> roleProperty() {
        return role;
    }

    public ObjectProperty<KeySource> keySourceProperty() {
        return keySource;
    }

    public StringProperty importPathProperty() {
        return importPath;
    }

    public StringProperty pkcs11PathProperty() {
        return pkcs11Path;
    }

    public StringProperty terminalAddressProperty() {
        return terminalAddress;
    }

    public StringProperty caseSystemUrlProperty() {
        return caseSystemUrl;
    }

    public StringProperty institutionProperty() {
        return institution;
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

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphrase2Property() {
        return passphrase2;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
