// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import org.tixun.core.cli.CommandPlugin;
import picocli.CommandLine;

/** Adds the benchmark commands to {@code tixun}: {@code bench-*}, {@code pad bench} and {@code recording bench}. */
public final class BenchCommands implements CommandPlugin {
    public BenchCommands() {
        // ServiceLoader
    }

    @Override
    public void register(CommandLine root) {
        for (Class<?> c : new Class<?>[] {EvidenceBenchCommand.class, ArchiveBenchCommand.class, LinkBenchCommand.class,
            MediaBenchCommand.class, SyncBenchCommand.class, SealBenchCommand.class}) {
            root.addSubcommand(new CommandLine(c, CommandLine.defaultFactory()));
        }
        CommandPlugin.under(root, "pad").addSubcommand(new CommandLine(org.tixun.signpad.bench.BenchCommand.class,
                CommandLine.defaultFactory()));
        CommandPlugin.under(root, "recording").addSubcommand(new CommandLine(RecordingBenchCommand.class,
                CommandLine.defaultFactory()));
    }
}
