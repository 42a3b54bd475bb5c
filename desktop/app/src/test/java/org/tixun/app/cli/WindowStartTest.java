// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.app.gui.LaunchRequest;
import org.tixun.core.TixunException;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.AppMode;
import picocli.CommandLine;

/**
 * A window start read without the command-line model ({@link GuiCommands#windowArgs}) asks for exactly what the model
 * would, and anything outside its narrow grammar is left to the model.
 */
class WindowStartTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearDataDirProperty() {
        System.clearProperty(DataDir.PROPERTY);
    }

    /** The request the full picocli model makes for {@code args}. */
    private static LaunchRequest byTheModel(String... args) {
        System.clearProperty(DataDir.PROPERTY);
        CommandLine.ParseResult last = TixunCommand.commandLine().parseArgs(args);
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        if (command instanceof GuiCommands.Workstation w) {
            return GuiCommands.request(AppMode.WORKSTATION, false, w.options.dataDir, w.options.locale());
        }
        if (command instanceof GuiCommands.Terminal t) {
            return GuiCommands.request(AppMode.TERMINAL, false, t.options.dataDir, t.options.locale());
        }
        if (command instanceof GuiCommands.Archive a) {
            return GuiCommands.request(AppMode.ARCHIVE, false, a.options.dataDir, a.options.locale());
        }
        if (command instanceof GuiCommands.Demo d) {
            return GuiCommands.request(null, true, d.options.dataDir, d.options.locale());
        }
        TixunCommand root = (TixunCommand) command;
        return GuiCommands.request(null, false, root.gui.dataDir, root.gui.locale());
    }

    private static LaunchRequest directly(String... args) {
        System.clearProperty(DataDir.PROPERTY);
        return GuiCommands.windowArgs(args).orElseThrow().request();
    }

    private static void assertSame(LaunchRequest a, LaunchRequest b) {
        assertThat(a.mode()).isEqualTo(b.mode());
        assertThat(a.demo()).isEqualTo(b.demo());
        assertThat(a.locale()).isEqualTo(b.locale());
        assertThat(a.dataDir().root()).isEqualTo(b.dataDir().root());
    }

    @Test
    void windowStartsAskForWhatTheFullCommandLineAsksFor() {
        String d = dir.resolve("data").toString();
        List<String[]> starts = List.of(
                new String[] {},
                new String[] {"workstation"},
                new String[] {"terminal", "--data-dir", d},
                new String[] {"archive", "--lang", "en"},
                new String[] {"demo", "--data-dir=" + d, "--lang=en"},
                new String[] {"--lang", "en", "workstation"},
                new String[] {"--data-dir", d, "workstation"},
                new String[] {"--data-dir", d, "--lang", "en", "archive"},
                new String[] {"workstation", "--lang", "EN", "--data-dir", d},
                new String[] {"--lang", "en"},
                new String[] {"--data-dir", d},
                new String[] {"demo"},
                new String[] {"terminal", "--lang", "zh_CN"});
        for (String[] args : starts) {
            LaunchRequest expected = byTheModel(args);
            String propertyByModel = System.getProperty(DataDir.PROPERTY);
            LaunchRequest actual = directly(args);
            assertSame(actual, expected);
            assertThat(System.getProperty(DataDir.PROPERTY)).as(String.join(" ", args)).isEqualTo(propertyByModel);
        }
    }

    @Test
    void anythingElseIsLeftToTheFullCommandLine() {
        List<String[]> others = List.of(
                new String[] {"--help"},
                new String[] {"workstation", "--help"},
                new String[] {"-V"},
                new String[] {"workstation", "--headless"},
                new String[] {"demo", "--headless", "--out", "x"},
                new String[] {"users", "list"},
                new String[] {"archive", "verify-all"},
                new String[] {"workstation", "archive"},
                new String[] {"workstation", "--lang"},
                new String[] {"workstation", "--lang", "--data-dir", "x"},
                new String[] {"workstation", "--lang", "en", "--lang", "zh"},
                new String[] {"--data-dir", "a", "workstation", "--data-dir", "b"},
                new String[] {"workstation", "--data-dir="},
                new String[] {"workstation", "--unknown", "x"},
                new String[] {"help"},
                new String[] {"verify", "file.pdf"},
                new String[] {"workstation", "--data-dir", "bad\0path"});
        for (String[] args : others) {
            assertThat(GuiCommands.windowArgs(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aWindowStartThatCannotStartSaysWhyWithTheCommandLinesExitCode() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int code = TixunCommand.run("workstation", "--lang", "fr", "--data-dir", dir.toString());
            assertThat(code).isEqualTo(TixunException.Exit.USAGE.code());
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("tixun: --lang must be zh or en, not 'fr'");
    }

    @Test
    void aWrongLanguageIsTheSameUsageError() {
        assertThatThrownBy(() -> directly("workstation", "--lang", "fr")).isInstanceOf(TixunException.class)
                .hasMessageContaining("zh or en")
                .satisfies(e -> assertThat(((TixunException) e).exit()).isEqualTo(TixunException.Exit.USAGE));
        assertThatThrownBy(() -> byTheModel("workstation", "--lang", "fr")).isInstanceOf(TixunException.class)
                .hasMessageContaining("zh or en");
    }
}
