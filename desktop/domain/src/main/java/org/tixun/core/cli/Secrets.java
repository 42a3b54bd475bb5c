// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.tixun.core.TixunException;

/** Reads a password or passphrase: the first line of standard input for scripts, else a silent prompt. */
final class Secrets {
    private Secrets() {
    }

    static char[] read(boolean fromStdin, String what, String flag) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new TixunException(TixunException.Exit.USAGE, "No " + what + " on standard input.");
            }
            return line.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new TixunException(TixunException.Exit.USAGE, "No terminal to ask for the " + what + ": use " + flag + ".");
        }
        return console.readPassword("%s: ", Character.toUpperCase(what.charAt(0)) + what.substring(1));
    }
}
