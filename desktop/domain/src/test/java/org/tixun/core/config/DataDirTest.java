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

    @Test
    void chosenDataDirIsRememberedInTheConfigDirectory(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        Path pointer = DataDir.pointerFile(env, "Linux", "/home/u");
        assertThat(pointer).isEqualTo(tmp.resolve("config/tixun/data-dir"));
        DataDir.choose(pointer, tmp.resolve("chosen"));
        assertThat(java.nio.file.Files.readString(pointer).strip()).isEqualTo(tmp.resolve("chosen").toString());
        assertThat(java.nio.file.Files.isDirectory(tmp.resolve("chosen"))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataDir.choose(pointer,
                java.nio.file.Files.writeString(tmp.resolve("a-file"), "x").resolve("sub")))
                .hasMessageContaining("Cannot create the data directory");
        assertThat(java.nio.file.Files.readString(pointer).strip()).isEqualTo(tmp.resolve("chosen").toString());
    }
}
