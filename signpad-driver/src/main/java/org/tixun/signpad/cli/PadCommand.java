// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code pad} command: list and capture from signature pads ({@code simulate} and {@code bench} are plugged in by the sim and bench modules). */
@Command(name = "pad", mixinStandardHelpOptions = true,
        description = "Signature pads: list, capture, simulate, bench.",
        subcommands = {ListCommand.class, CaptureCommand.class})
public final class PadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Runs {@code pad} with {@code args} and returns the exit code (no System.exit). */
    public static int run(String... args) {
        return new CommandLine(new PadCommand()).execute(args);
    }
}
