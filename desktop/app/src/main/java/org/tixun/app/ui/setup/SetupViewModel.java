// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.setup;

import java.nio.file.Files;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.Role;
import org.tixun.core.users.UserService;

/**
 * First run: the institution, the administrator, the kiosk PIN and the institution keys (root CA,
 * seal, escrow, TLS, TSA) in a passphrase-protected PKCS#12 keystore.
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
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SetupViewModel(AppContext ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = hasher;
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
        if (length(passphrase) < MIN_PASSPHRASE) {
            errors.put("passphrase", ctx.i18n().text("setup.error.passphrase", MIN_PASSPHRASE));
        } else if (!passphrase.get().equals(passphrase2.get())) {
            errors.put("passphrase2", ctx.i18n().text("setup.error.mismatch"));
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
    public void complete(Runnable onDone) {
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
        ctx.tasks().run(() -> {
            try {
                var keystorePath = ctx.core().dataDir().keystore();
                InstitutionKeyStore keys = Files.exists(keystorePath)
                        ? InstitutionKeyStore.open(keystorePath, pass)
                        : InstitutionKeyStore.create(keystorePath, pass, inst);
                ctx.core().audit().append(user, AuditAction.KEYSTORE_CREATED, keystorePath.getFileName().toString(),
                        "root=" + keys.rootCertificate().getSubjectX500Principal().getName());
                if (ctx.core().users().find(user).isEmpty()) {
                    ctx.core().users().add("setup", user, name, Role.ADMINISTRATOR, pw);
                }
                ctx.core().settings().put(Settings.INSTITUTION, inst);
                ctx.core().settings().put(Settings.KIOSK_PIN, hasher.hash(pin));
                ctx.core().settings().put(Settings.SETUP_DONE, "true");
                ctx.core().audit().append(user, AuditAction.SETUP_COMPLETED, inst);
                return keys;
            } finally {
                Arrays.fill(pw, '\0');
                Arrays.fill(pass, '\0');
                Arrays.fill(pin, '\0');
            }
        }, keys -> {
            busy.set(false);
            adminPassword.set("");
            adminPassword2.set("");
            passphrase.set("");
            passphrase2.set("");
            kioskPin.set("");
            onDone.run();
        }, failure -> {
            busy.set(false);
            errors.put("form", ctx.i18n().text("setup.error.failed", failure.getMessage()));
        });
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
