// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.core.users.Role;

class FirstRunSetupTest {
    @TempDir
    Path dir;

    private static FirstRunSetup.Request request(KeySource source, String passphrase, Path importFrom, Path pkcs11,
                                                 MachineConfig machine) {
        return new FirstRunSetup.Request("某区人民检察院", "admin", "管理员", "admin-password".toCharArray(),
                "123456".toCharArray(), source, passphrase.toCharArray(), importFrom, pkcs11, machine);
    }

    @Test
    void generatesKeysAndStoresTheMachineConfiguration() throws Exception {
        try (CoreServices core = TestCore.open(dir.resolve("ws"))) {
            MachineConfig machine = new MachineConfig(AppMode.WORKSTATION, "10.1.2.3:7443", "https://case.example/api");
            new FirstRunSetup(core, TestCore.FAST_HASHER).run(request(KeySource.GENERATE, "long passphrase!",
                    null, null, machine));
            assertThat(InstitutionKeyStore.open(core.dataDir().keystore(), "long passphrase!".toCharArray())
                    .institutionName()).isEqualTo("某区人民检察院");
            assertThat(core.users().find("admin")).get().extracting(u -> u.role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(MachineConfig.load(core.settings())).isEqualTo(machine);
            assertThat(core.settings().get(Settings.KEYS_SOURCE)).contains("GENERATE");
            assertThat(core.audit().entries()).extracting(AuditEntry::action)
                    .containsSubsequence("KEYSTORE_CREATED", "USER_ADDED", "SETUP_COMPLETED");
        }
    }

    @Test
    void importsAnInstitutionKeystoreAfterCheckingThePassphrase() throws Exception {
        Path source = dir.resolve("from-first-workstation.p12");
        InstitutionKeyStore.create(source, "institution pass".toCharArray(), "某区人民检察院");
        try (CoreServices core = TestCore.open(dir.resolve("terminal"))) {
            MachineConfig machine = new MachineConfig(AppMode.TERMINAL, "", "");
            FirstRunSetup setup = new FirstRunSetup(core, TestCore.FAST_HASHER);
            assertThatThrownBy(() -> setup.run(request(KeySource.IMPORT_PKCS12, "wrong", source, null, machine)))
                    .isInstanceOfSatisfying(TixunException.class,
                            e -> assertThat(e.exit()).isEqualTo(TixunException.Exit.KEYSTORE));
            assertThat(Files.exists(core.dataDir().keystore())).isFalse();
            setup.run(request(KeySource.IMPORT_PKCS12, "institution pass", source, null, machine));
            assertThat(Files.readAllBytes(core.dataDir().keystore())).isEqualTo(Files.readAllBytes(source));
        }
    }

    @Test
    void refusesAPkcs11ConfigurationThatDoesNotLoad() throws Exception {
        Path config = dir.resolve("token.cfg");
        Files.writeString(config, "name = Token\nlibrary = /nonexistent/libtoken.so\n");
        try (CoreServices core = TestCore.open(dir.resolve("p11"))) {
            FirstRunSetup setup = new FirstRunSetup(core, TestCore.FAST_HASHER);
            MachineConfig machine = new MachineConfig(AppMode.WORKSTATION, "", "");
            assertThatThrownBy(() -> setup.run(request(KeySource.PKCS11, "", null, config, machine)))
                    .hasMessageContaining("cannot be loaded");
            assertThatThrownBy(() -> setup.run(request(KeySource.PKCS11, "", null, dir.resolve("missing.cfg"),
                    machine))).hasMessageContaining("does not exist");
            assertThat(core.users().find("admin")).isEmpty();
        }
    }

    @Test
    void machineConfigValidatesAddresses() {
        assertThat(new MachineConfig(AppMode.WORKSTATION, "10.0.0.5:7443", "https://x.example").validate()).isEmpty();
        assertThat(new MachineConfig(AppMode.WORKSTATION, "[::1]:7443", "").validate()).isEmpty();
        assertThat(new MachineConfig(null, "host", "ftp://x").validate()).extracting(MachineConfig.Problem::field)
                .containsExactly("role", "terminalAddress", "caseSystemUrl");
        assertThat(new MachineConfig(AppMode.ARCHIVE, "h:70000", "").validate()).hasSize(1);
    }
}
