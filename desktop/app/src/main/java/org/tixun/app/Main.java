// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import org.tixun.app.cli.TixunCommand;

/**
 * Entry point of the one jar: the {@code tixun} command line; GUI modes are subcommands. Not a
 * JavaFX Application subclass, so JavaFX can load from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        return TixunCommand.run(args);
    }
}
