// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tixun.core.TixunException;
import org.tixun.core.cli.AuditCommand;
import org.tixun.core.cli.CommandPlugin;
import org.tixun.core.cli.KeysCommand;
import org.tixun.core.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root {@code tixun} command; without a subcommand it opens the mode chooser. */
@Command(name = "tixun", mixinStandardHelpOptions = true, versionProvider = TixunCommand.Version.class,
        description = {"Tixun (提讯): remote interrogation and handwritten e-signing.", "",
                "Exit codes: 0 ok, 1 failed/verification failed, 2 usage, 3 data dir, 4 database, 5 keystore,"
                        + " 6 authentication, 7 not found."},
        subcommands = {
            GuiCommands.Demo.class, GuiCommands.Workstation.class, GuiCommands.Terminal.class,
            GuiCommands.Archive.class, AuditCommand.class, UsersCommand.class, KeysCommand.class,
            org.tixun.signpad.cli.PadCommand.class, org.tixun.templates.cli.TemplateCommand.class,
            org.tixun.core.evidence.cli.SealCommand.class, org.tixun.core.archive.cli.VerifyCommand.class,
            org.tixun.core.evidence.cli.ReplayCommand.class, InkBenchCommand.class,
            org.tixun.core.sync.cli.SyncCommand.class,
            org.tixun.core.recording.cli.RecordingCommand.class,
            CommandLine.HelpCommand.class})
public final class TixunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GuiCommands.GuiOptions gui;

    @Override
    public Integer call() {
        return GuiCommands.launch(null, false, gui);
    }

    /**
     * The configured command line with the shared exception handling; commands of plug-in modules on the class path
     * (demo, simulators, benchmarks, the reference gateway) are added by {@link CommandPlugin}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TixunCommand());
        CommandPlugin.registerAll(cl);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Maps a {@link TixunException} to its exit code with the message on stderr; others are bugs. */
    public static int handle(Exception e, CommandLine cl) {
        return handle(e, cl.getErr());
    }

    /** {@link #handle(Exception, CommandLine)} for a start that did not build the command line (a window start). */
    public static int handle(Exception e, PrintWriter err) {
        if (e instanceof TixunException te) {
            err.println("tixun: " + te.getMessage());
            return te.exit().code();
        }
        org.slf4j.LoggerFactory.getLogger(TixunCommand.class).error("Command failed", e);
        err.println("tixun: unexpected error: " + e + " (details in the log file under the data dir's logs/)");
        err.flush();
        return TixunException.Exit.FAILED.code();
    }

    /**
     * Runs the command line: a window start straight away when the arguments can only mean one
     * ({@code GuiCommands.windowArgs}), everything else through the full model.
     */
    public static int run(String... args) {
        var window = GuiCommands.windowArgs(args);
        if (window.isPresent()) {
            PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                    java.nio.charset.Charset.defaultCharset()), true);
            try {
                return window.get().launch();
            } catch (RuntimeException e) {
                int code = handle(e, err);
                err.flush();
                return code;
            }
        }
        return commandLine().execute(args);
    }

    /** Version from the jar manifest (Implementation-Version), else the development marker. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TixunCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tixun " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
