// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tixun.app.gui.GuiLauncher;
import org.tixun.app.gui.LaunchRequest;
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
        @Option(names = "--lang", paramLabel = "zh|en",
                description = "UI language at start (default zh); before or after the mode.")
        String lang;
        @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
        picocli.CommandLine.Model.CommandSpec mixee;

        /**
         * The language asked for on this command or, when not given here, on an enclosing one, so
         * {@code tixun --lang en workstation} means what {@code tixun workstation --lang en} does.
         */
        Locale locale() {
            String chosen = lang;
            for (var spec = mixee == null ? null : mixee.parent(); chosen == null && spec != null; spec = spec.parent()) {
                for (var mixin : spec.mixins().values()) {
                    if (mixin.userObject() instanceof GuiOptions outer && outer.lang != null) {
                        chosen = outer.lang;
                    }
                }
            }
            return localeOf(chosen);
        }
    }

    /** The UI language {@code --lang} names (null: the default, Chinese). */
    static Locale localeOf(String lang) {
        if (lang == null || "zh".equalsIgnoreCase(lang) || "zh_CN".equalsIgnoreCase(lang)) {
            return I18n.CHINESE;
        }
        if ("en".equalsIgnoreCase(lang)) {
            return I18n.ENGLISH;
        }
        throw new org.tixun.core.TixunException(org.tixun.core.TixunException.Exit.USAGE,
                "--lang must be zh or en, not '" + lang + "'");
    }

    /** The window modes and what they open: a mode, or (null) the chooser; {@code demo} is the demo. */
    private static final java.util.Map<String, AppMode> WINDOW_MODES = java.util.Map.of(
            "workstation", AppMode.WORKSTATION, "terminal", AppMode.TERMINAL, "archive", AppMode.ARCHIVE);

    /**
     * A window start read straight from {@code args}, without building the command-line model, when they can only
     * mean one: at most one of {@code workstation}, {@code terminal}, {@code archive}, {@code demo}, and
     * {@code --data-dir DIR} and {@code --lang zh|en} (each at most once, before or after the mode, also as
     * {@code --opt=value}). Empty for anything else (help, a command, another option, a repeated or missing value),
     * which the full parser reads. The full model costs about a second of CPU at start (picocli's Java 5 classes
     * cannot be class-data shared and are verified the old way; every command's classes are loaded); this reading
     * gives the same request as that model for the same arguments ({@code WindowStartTest}).
     */
    static java.util.Optional<WindowArgs> windowArgs(String... args) {
        String mode = null;
        Path dataDir = null;
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (WINDOW_MODES.containsKey(a) || "demo".equals(a)) {
                if (mode != null) {
                    return java.util.Optional.empty();
                }
                mode = a;
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return java.util.Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-")) {
                return java.util.Optional.empty();
            }
            if ("--data-dir".equals(name) && dataDir == null) {
                try {
                    dataDir = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    return java.util.Optional.empty();
                }
            } else if ("--lang".equals(name) && lang == null) {
                lang = value;
            } else {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new WindowArgs(mode, dataDir, lang));
    }

    /** A window start's arguments: the mode word (null: the chooser), the data dir and language if given. */
    record WindowArgs(String mode, Path dataDir, String lang) {
        /** The request, as the command line's model makes it (sets the data-dir property as the option does). */
        LaunchRequest request() {
            if (dataDir != null) {
                // As GuiOptions.dataDir does: the default of every later command in this process.
                System.setProperty(DataDir.PROPERTY, dataDir.toString());
            }
            return GuiCommands.request(WINDOW_MODES.get(mode == null ? "" : mode), "demo".equals(mode), dataDir,
                    localeOf(lang));
        }

        /** Opens the window and returns the exit code when it closes. */
        int launch() {
            return GuiLauncher.launch(request());
        }
    }

    /** The request the command line makes: the demo's own data dir, else the given or default one. */
    static LaunchRequest request(AppMode mode, boolean demo, Path dataDir, Locale locale) {
        DataDir dir = demo ? demoDataDir(dataDir) : DataDir.resolve(dataDir);
        return new LaunchRequest(mode, demo, dir, locale);
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
        return launch(mode, demo, options.dataDir, options.locale());
    }

    private static int launch(AppMode mode, boolean demo, Path dataDir, Locale locale) {
        return GuiLauncher.launch(request(mode, demo, dataDir, locale));
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
            org.tixun.core.session.demo.DemoKit kit = org.tixun.core.session.demo.DemoKit.require();
            try (org.tixun.core.services.CoreServices core = org.tixun.core.services.CoreServices.open(
                    demoDataDir(options.dataDir))) {
                return kit.headlessDemo(core, out == null ? Path.of("tixun-demo-out") : out,
                        org.tixun.core.archive.ArchiveService.of(core)::fileSealed, spec.commandLine().getOut());
            }
        }
    }

    /** {@code tixun workstation}. */
    @Command(name = "workstation", mixinStandardHelpOptions = true,
            description = {"Prosecutor/recorder workstation: cases, records, remote sessions.",
                "With --headless: run a scripted remote session against a terminal (docs/session.md)."})
    public static final class Workstation implements Callable<Integer> {
        @Mixin
        GuiOptions options;
        @Option(names = "--headless", description = "No window: run the session of --script against --connect.")
        boolean headless;
        @Option(names = "--script", paramLabel = "FILE", description = "Session script (JSON, docs/session.md).")
        Path script;
        @Option(names = "--connect", paramLabel = "HOST:PORT", description = "The terminal's address.")
        String connect;
        @Option(names = "--enroll-code", paramLabel = "CODE",
                description = "Enroll the terminal first, with the code it shows (or wrote to enrollment-code.txt).")
        String enrollCode;
        @Option(names = "--name", description = "Workstation name sent to the terminal (default: the demo's).")
        String name;
        @Mixin
        HeadlessLinkOptions link;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!headless) {
                return launch(AppMode.WORKSTATION, false, options);
            }
            if (script == null || connect == null) {
                throw new org.tixun.core.TixunException(org.tixun.core.TixunException.Exit.USAGE,
                        "--headless needs --script FILE and --connect HOST:PORT");
            }
            Path dir = GuiCommands.headlessDataDir(options);
            return org.tixun.core.session.demo.DemoKit.require().headlessWorkstation(dir, script, connect, enrollCode,
                    name, link.config(), link.timeout(),
                    core -> org.tixun.core.archive.ArchiveService.of(core)::fileSealed, spec.commandLine().getOut());
        }
    }

    /** {@code tixun terminal}. */
    @Command(name = "terminal", mixinStandardHelpOptions = true,
            description = {"Detention-centre terminal in kiosk mode (full screen; leaving needs the administrator PIN).",
                "With --headless: listen for a workstation and sign its sessions with the simulated pad."})
    public static final class Terminal implements Callable<Integer> {
        @Mixin
        GuiOptions options;
        @Option(names = "--headless", description = "No window: enroll if needed, listen, sign, until the session ends.")
        boolean headless;
        @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on.",
                defaultValue = "127.0.0.1:7443")
        String listen;
        @Option(names = "--name", description = "Terminal name (default: the demo's).")
        String name;
        @Option(names = "--reading-path", paramLabel = "READ|READ_ALOUD",
                description = "The suspect's choice before signing (rule 4; default READ).", defaultValue = "READ")
        org.tixun.core.session.ReadingConfirmation.Path reading;
        @Option(names = "--pad-rate-hz", description = "Simulated pad replay rate (default 1000).",
                defaultValue = "1000")
        double padRateHz;
        @Option(names = "--exit-after-events", paramLabel = "N", hidden = true,
                description = "Fault injection: halt after N signature events in this run (tests).",
                defaultValue = "0")
        int exitAfterEvents;
        @Option(names = "--camera", paramLabel = "DEVICE", defaultValue = "synthetic",
                description = "Camera: synthetic (default), synthetic:N, default, or a device name.")
        String camera;
        @Option(names = "--media-size", paramLabel = "WxH", defaultValue = "640x480",
                description = "Video size sent to the workstation (default 640x480).")
        String mediaSize;
        @Option(names = "--no-media", description = "No audio/video (link, live record and signing only).")
        boolean noMedia;
        @Option(names = "--keystore-passphrase-env", paramLabel = "VAR",
                description = "Environment variable holding the terminal key store passphrase (default: the demo one).")
        String passphraseEnv;
        @Mixin
        HeadlessLinkOptions link;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!headless) {
                return launch(AppMode.TERMINAL, false, options);
            }
            org.tixun.core.session.demo.DemoKit kit = org.tixun.core.session.demo.DemoKit.require();
            String pass = passphraseEnv == null ? new String(kit.keystorePassphrase()) : System.getenv(passphraseEnv);
            if (pass == null) {
                throw new org.tixun.core.TixunException(org.tixun.core.TixunException.Exit.USAGE,
                        "environment variable " + passphraseEnv + " is not set");
            }
            return kit.headlessTerminal(GuiCommands.headlessDataDir(options), listen, name, pass.toCharArray(),
                    reading, padRateHz, exitAfterEvents, link.timeout(), link.config(),
                    noMedia ? null : camera, Integer.parseInt(mediaSize.split("x")[0]),
                    Integer.parseInt(mediaSize.split("x")[1]), spec.commandLine().getOut());
        }
    }

    static Path headlessDataDir(GuiOptions options) {
        return DataDir.resolve(options.dataDir).root();
    }

    /** The headless pair's shared options: how long to run and how fast a lost link is noticed. */
    public static final class HeadlessLinkOptions {
        @Option(names = "--timeout-s", description = "Give up after this many seconds (default 600).",
                defaultValue = "600")
        int timeoutSeconds;
        @Option(names = "--loss-timeout-ms", description = "Link loss detection (default 2000).",
                defaultValue = "2000")
        int lossTimeoutMs;

        java.time.Duration timeout() {
            return java.time.Duration.ofSeconds(timeoutSeconds);
        }

        org.tixun.core.session.LinkConfig config() {
            return org.tixun.core.session.LinkConfig.defaults().withLossTimeout(java.time.Duration.ofMillis(lossTimeoutMs))
                    .withBackoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(2));
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
