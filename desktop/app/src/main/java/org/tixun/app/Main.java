// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.tixun.app.cli.GuiCommands;
import org.tixun.app.cli.TixunCommand;
import org.tixun.core.TixunException;
import org.tixun.core.config.DataDir;
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
        configureLogging(args);
        CommandLine cl = TixunCommand.commandLine();
        return cl.execute(args);
    }

    /** Points the rolling log file at the data dir's logs/ before the first logger exists. */
    static void configureLogging(String[] args) {
        if (System.getProperty("tixun.logDir") != null) {
            return;
        }
        Path explicit = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (a.equals("--data-dir") && i + 1 < list.size()) {
                explicit = Path.of(list.get(i + 1));
            } else if (a.startsWith("--data-dir=")) {
                explicit = Path.of(a.substring("--data-dir=".length()));
            }
        }
        DataDir dir = DataDir.resolve(explicit);
        if (explicit == null && list.contains("demo")) {
            dir = GuiCommands.demoDataDir(null);
        }
        System.setProperty("tixun.logDir", dir.logs().toString());
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
