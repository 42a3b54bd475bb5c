// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Obtains a passphrase from a file, an environment variable or the console, never from the command line. */
public final class Passphrases {
    private Passphrases() {
    }

    public static char[] read(Path file, String envVar, String prompt) throws IOException {
        if (file != null) {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.strip().toCharArray();
        }
        String env = System.getenv(envVar);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IOException("需要口令：请用口令文件或环境变量 " + envVar + " 提供 (a passphrase is needed: give a "
                    + "passphrase file or set " + envVar + ")");
        }
        char[] pass = console.readPassword("%s: ", prompt);
        if (pass == null) {
            throw new IOException("no passphrase entered");
        }
        return pass;
    }
}
