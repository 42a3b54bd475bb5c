// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;

/** Obtains a passphrase from a file, an environment variable or the console, never from the command line. */
public final class Passphrases {
    private Passphrases() {
    }

    public static char[] read(Path file, String envVar, Message prompt) throws IOException {
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
            throw new LocalizedIOException(EvidenceMessages.of("cli.passphraseNeeded", envVar));
        }
        char[] pass = console.readPassword("%s: ", prompt.chinese() + " " + prompt.english());
        if (pass == null) {
            throw new LocalizedIOException(EvidenceMessages.of("cli.noPassphrase"));
        }
        return pass;
    }
}
