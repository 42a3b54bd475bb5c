// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.tixun.core.TixunException;
import org.tixun.core.i18n.Message;
import org.tixun.core.util.Messages;

/** Reads a password or passphrase: the first line of standard input for scripts, else a silent prompt. */
final class Secrets {
    private Secrets() {
    }

    static char[] read(boolean fromStdin, Message what, String flag) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new TixunException(TixunException.Exit.USAGE, Messages.of("cli.secret.noInput", what));
            }
            return line.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new TixunException(TixunException.Exit.USAGE, Messages.of("cli.secret.noTerminal", what, flag));
        }
        String prompt = what.bilingual();
        return console.readPassword("%s: ", Character.toUpperCase(prompt.charAt(0)) + prompt.substring(1));
    }
}
