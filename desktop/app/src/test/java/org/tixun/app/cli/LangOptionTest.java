// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tixun.app.i18n.I18n;
import org.tixun.core.TixunException;
import picocli.CommandLine;

/** {@code --lang} is honoured before or after the mode. */
class LangOptionTest {
    private static Locale localeOf(String... args) {
        CommandLine cl = TixunCommand.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        GuiCommands.GuiOptions options = command instanceof GuiCommands.Workstation w ? w.options
                : command instanceof GuiCommands.Archive a ? a.options
                : command instanceof GuiCommands.Demo d ? d.options : ((TixunCommand) command).gui;
        return options.locale();
    }

    @Test
    void langBeforeOrAfterTheMode() {
        assertThat(localeOf("--lang", "en", "workstation")).isEqualTo(I18n.ENGLISH);
        assertThat(localeOf("workstation", "--lang", "en")).isEqualTo(I18n.ENGLISH);
        assertThat(localeOf("--lang", "en", "archive")).isEqualTo(I18n.ENGLISH);
        assertThat(localeOf("--lang", "en", "demo")).isEqualTo(I18n.ENGLISH);
        assertThat(localeOf("workstation")).isEqualTo(I18n.CHINESE);
        assertThat(localeOf("--lang", "en", "workstation", "--lang", "zh")).isEqualTo(I18n.CHINESE);
        assertThat(localeOf("--lang", "en")).isEqualTo(I18n.ENGLISH);
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        assertThatThrownBy(() -> localeOf("workstation", "--lang", "fr")).isInstanceOf(TixunException.class)
                .hasMessageContaining("zh or en");
    }
}
