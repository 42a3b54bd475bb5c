// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.flow.TerminalStation;

/**
 * A real terminal's key store passphrase never is a constant: the file the administrator names in Settings, else the
 * machine's own secret; a named file that cannot be read stops the start with the setting's name.
 */
class TerminalKeystorePassphraseTest {
    @TempDir
    Path dir;
    private CoreServices core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void theAdministratorsFileElseTheMachinesOwnSecret() throws Exception {
        core = TestApp.core(dir.resolve("data"));
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        Path terminal = dir.resolve("terminal");
        char[] machine = TerminalKiosk.passphrase(ctx, terminal);
        assertThat(new String(machine)).isEqualTo(new String(TerminalStation.machinePassphrase(terminal)))
                .isNotEqualTo("tixun-demo-keystore");

        Path named = Files.writeString(dir.resolve("secret.txt"), "  管理员设定的口令 \n");
        core.settings().put(TerminalKiosk.PASSPHRASE_FILE_SETTING, named.toString());
        assertThat(new String(TerminalKiosk.passphrase(ctx, terminal))).isEqualTo("管理员设定的口令");

        core.settings().put(TerminalKiosk.PASSPHRASE_FILE_SETTING, dir.resolve("missing.txt").toString());
        assertThatThrownBy(() -> TerminalKiosk.passphrase(ctx, terminal)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(TerminalKiosk.PASSPHRASE_FILE_SETTING).hasMessageContaining("missing.txt");
    }
}
