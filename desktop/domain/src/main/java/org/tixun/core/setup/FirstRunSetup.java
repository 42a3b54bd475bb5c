// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import org.tixun.core.i18n.Localized;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.Role;
import org.tixun.core.util.Messages;

/**
 * First-run setup: institution keys (generate, import a PKCS#12, or a PKCS#11 configuration), the
 * administrator, the kiosk PIN and the machine configuration, each step audited. Re-running after
 * an interruption reuses what is already there.
 */
public final class FirstRunSetup {
    private final CoreServices core;
    private final PasswordHasher hasher;

    public FirstRunSetup(CoreServices core, PasswordHasher hasher) {
        this.core = core;
        this.hasher = hasher;
    }

    /** Everything the wizard collected. Char arrays are wiped by the caller. */
    public record Request(String institution, String adminUsername, String adminName, char[] adminPassword,
                          char[] kioskPin, KeySource keySource, char[] passphrase, Path importFrom,
                          Path pkcs11Config, MachineConfig machine) {
    }

    public void run(Request r) {
        String actor = r.adminUsername();
        Path keystore = core.dataDir().keystore();
        switch (r.keySource()) {
            case GENERATE -> {
                InstitutionKeyStore keys = openOrCreate(keystore, r.passphrase(), r.institution());
                TrustAnchors.publish(core.dataDir(), keys);
                core.audit().append(actor, AuditAction.KEYSTORE_CREATED, keystore.getFileName().toString(),
                        "source=GENERATE root=" + keys.rootCertificate().getSubjectX500Principal().getName());
            }
            case IMPORT_PKCS12 -> {
                InstitutionKeyStore keys = importKeystore(r.importFrom(), keystore, r.passphrase());
                TrustAnchors.publish(core.dataDir(), keys);
                core.audit().append(actor, AuditAction.KEYSTORE_CREATED, keystore.getFileName().toString(),
                        "source=IMPORT_PKCS12 root=" + keys.rootCertificate().getSubjectX500Principal().getName());
            }
            case PKCS11 -> {
                checkPkcs11(r.pkcs11Config());
                core.settings().put(Settings.PKCS11_CONFIG, r.pkcs11Config().toAbsolutePath().toString());
                core.audit().append(actor, AuditAction.KEYSTORE_CREATED, "pkcs11", "source=PKCS11 config="
                        + r.pkcs11Config().getFileName());
            }
            default -> throw new IllegalStateException("unknown key source " + r.keySource());
        }
        core.settings().put(Settings.KEYS_SOURCE, r.keySource().name());
        if (core.users().find(r.adminUsername()).isEmpty()) {
            core.users().add("setup", r.adminUsername(), r.adminName(), Role.ADMINISTRATOR, r.adminPassword());
        }
        core.settings().put(Settings.INSTITUTION, r.institution().strip());
        core.settings().put(Settings.KIOSK_PIN, hasher.hash(r.kioskPin()));
        r.machine().save(core.settings());
        core.settings().put(Settings.SETUP_DONE, "true");
        core.audit().append(actor, AuditAction.SETUP_COMPLETED, r.institution().strip(),
                "role=" + r.machine().role());
    }

    private static InstitutionKeyStore openOrCreate(Path keystore, char[] passphrase, String institution) {
        try {
            return Files.exists(keystore) ? InstitutionKeyStore.open(keystore, passphrase)
                    : InstitutionKeyStore.create(keystore, passphrase, institution.strip());
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Localized.messageOf(e), e);
        }
    }

    /** Opens the given PKCS#12 with the passphrase (proving it is a complete institution keystore), then copies it in. */
    static InstitutionKeyStore importKeystore(Path from, Path keystore, char[] passphrase) {
        if (from == null || !Files.isRegularFile(from)) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Messages.of("firstRun.import.missing", from));
        }
        try {
            InstitutionKeyStore keys = InstitutionKeyStore.open(from, passphrase);
            if (!from.toAbsolutePath().normalize().equals(keystore.toAbsolutePath().normalize())) {
                InstitutionKeyStore.writeAtomically(keystore, Files.readAllBytes(from));
            }
            return keys;
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Localized.messageOf(e), e);
        }
    }

    /** Loads the SunPKCS11 provider with the configuration so a bad file or missing library shows now. */
    static void checkPkcs11(Path config) {
        if (config == null || !Files.isRegularFile(config)) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Messages.of("firstRun.pkcs11.configMissing", config));
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Messages.of("firstRun.pkcs11.unsupported"));
        }
        try {
            base.configure(config.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new TixunException(TixunException.Exit.KEYSTORE, Messages.of("firstRun.pkcs11.cannotLoad", config, e),
                    e);
        }
    }
}
