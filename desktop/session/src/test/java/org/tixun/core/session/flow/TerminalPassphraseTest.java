// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real terminal's key store passphrase is its own random secret, kept owner-only and stable across restarts. */
class TerminalPassphraseTest {
    @TempDir
    Path dir;

    @Test
    void madeOnceOwnerOnlyAndTheSameAfterARestart() throws Exception {
        char[] first = TerminalStation.machinePassphrase(dir.resolve("terminal"));
        Path file = dir.resolve("terminal").resolve(TerminalStation.PASSPHRASE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.length).isGreaterThanOrEqualTo(32);
        assertThat(TerminalStation.machinePassphrase(dir.resolve("terminal"))).isEqualTo(first);
        assertThat(TerminalStation.machinePassphrase(dir.resolve("other"))).as("each machine its own")
                .isNotEqualTo(first);
    }
}
