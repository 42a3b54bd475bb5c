// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive.cli;

import org.tixun.core.evidence.cli.QuietLogs;
import org.tixun.core.evidence.cli.ReplayCommand;
import org.tixun.core.evidence.cli.SealCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Stand-alone entry point for the evidence commands (the app's {@code tixun} root mounts the same commands); used by
 * the benchmark to time {@code verify} including JVM start.
 */
@Command(name = "tixun-evidence", mixinStandardHelpOptions = true,
        subcommands = {VerifyCommand.class, ReplayCommand.class, SealCommand.class})
public final class EvidenceCli {
    public EvidenceCli() {
        // picocli instantiates commands reflectively
    }

    public static void main(String[] args) {
        QuietLogs.apply();
        System.exit(new CommandLine(new EvidenceCli()).execute(args));
    }
}
