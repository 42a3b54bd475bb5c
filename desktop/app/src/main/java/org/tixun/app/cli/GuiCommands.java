// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tixun.app.GuiLauncher;
import org.tixun.app.LaunchRequest;
import org.tixun.app.i18n.I18n;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.AppMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The GUI subcommands: demo, workstation, terminal, archive. */
public final class GuiCommands {
    private GuiCommands() {
    }

    /** Options shared by the GUI commands. */
    public static final class GuiOptions {
        Path dataDir;

        /**
         * Also makes the directory the default of every later command on the line, so
         * {@code tixun --data-dir X users list} means X, as {@code tixun users list --data-dir X} does.
         */
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory (default: $TIXUN_HOME, else the platform data dir).")
        void dataDir(Path dir) {
            this.dataDir = dir;
            System.setProperty(DataDir.PROPERTY, dir.toString());
        }
        @Option(names = "--lang", paramLabel = "zh|en", description = "UI language at start (default zh).")
        String lang = "zh";
    }

    /** The demo's own data dir, apart from real data: {@code <default data dir>-demo}. */
    public static DataDir demoDataDir(Path explicit) {
        if (explicit != null) {
            return DataDir.at(explicit);
        }
        Path base = DataDir.resolve(null).root();
        return DataDir.at(base.resolveSibling(base.getFileName() + "-demo"));
    }

    static int launch(AppMode mode, boolean demo, GuiOptions options) {
        Locale locale = "en".equalsIgnoreCase(options.lang) ? I18n.ENGLISH : I18n.CHINESE;
        DataDir dir = demo ? demoDataDir(options.dataDir) : DataDir.resolve(options.dataDir);
        return GuiLauncher.launch(new LaunchRequest(mode, demo, dir, locale));
    }

    /** {@code tixun demo}. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Open a workstation and a terminal window in one process with demo users, keys and"
                    + " simulated devices (data in a separate demo data dir).")
    public static final class Demo implements Callable<Integer> {
        @Mixin
        GuiOptions options;
        @Option(names = "--headless", description = "No windows: render, sign (simulated pad), seal and verify a sample"
                + " interrogation record into --out, and file it in the demo store.")
        boolean headless;
        @Option(names = "--out", paramLabel = "DIR", description = "Output folder for --headless (default: ./tixun-demo-out).")
        Path out;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!headless) {
                return launch(null, true, options);
            }
            return HeadlessDemoCommand.run(demoDataDir(options.dataDir), out == null ? Path.of("tixun-demo-out") : out,
                    spec.commandLine().getOut());
        }
    }

    /** {@code tixun workstation}. */
    @Command(name = "workstation", mixinStandardHelpOptions = true,
            description = "Prosecutor/recorder workstation: cases, records, remote sessions.")
    public static final class Workstation implements Callable<Integer> {
        @Mixin
        GuiOptions options;

        @Override
        public Integer call() {
            return launch(AppMode.WORKSTATION, false, options);
        }
    }

    /** {@code tixun terminal}. */
    @Command(name = "terminal", mixinStandardHelpOptions = true,
            description = "Detention-centre terminal in kiosk mode (full screen; leaving needs the administrator PIN).")
    public static final class Terminal implements Callable<Integer> {
        @Mixin
        GuiOptions options;

        @Override
        public Integer call() {
            return launch(AppMode.TERMINAL, false, options);
        }
    }

    /** {@code tixun archive}. */
    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = {"Clerk's archive: search, verify and export records.",
                "Without a subcommand it opens the archive window."},
            subcommands = {org.tixun.core.archive.cli.ArchiveCommand.Export.class,
                org.tixun.core.archive.cli.ArchiveCommand.Import.class,
                org.tixun.core.archive.cli.ArchiveCommand.VerifyAll.class})
    public static final class Archive implements Callable<Integer> {
        @Mixin
        GuiOptions options;

        @Override
        public Integer call() {
            return launch(AppMode.ARCHIVE, false, options);
        }
    }
}
