// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirTest {
    @Test
    void explicitOptionWinsThenPropertyThenEnvironment() {
        Map<String, String> env = Map.of(DataDir.ENV, "/from/env");
        assertThat(DataDir.resolve(Path.of("/explicit"), env, "/prop").root()).isEqualTo(Path.of("/explicit"));
        assertThat(DataDir.resolve(null, env, "/prop").root()).isEqualTo(Path.of("/prop"));
        assertThat(DataDir.resolve(null, env, null).root()).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void platformDefaults() {
        assertThat(DataDir.platformDefault(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/tixun"));
        assertThat(DataDir.platformDefault(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/tixun"));
        assertThat(DataDir.platformDefault(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming", "Tixun"));
    }
}
