// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import java.io.PrintWriter;
import org.tixun.app.cli.TixunCommand;
import org.tixun.core.TixunException;
import picocli.CommandLine;

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
        CommandLine cl = TixunCommand.commandLine();
        return cl.execute(args);
    }

    /** Maps a {@link TixunException} to its exit code with the message on stderr; others are bugs. */
    public static int handle(Exception e, CommandLine cl) {
        PrintWriter err = cl.getErr();
        if (e instanceof TixunException te) {
            err.println("tixun: " + te.getMessage());
            return te.exit().code();
        }
        org.slf4j.LoggerFactory.getLogger(Main.class).error("Command failed", e);
        err.println("tixun: unexpected error: " + e + " (details in the log file under the data dir's logs/)");
        return TixunException.Exit.FAILED.code();
    }
}
