// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import org.tixun.core.cli.CommandPlugin;
import org.tixun.signpad.sim.SimulateCommand;
import picocli.CommandLine;

/** Adds {@code pad simulate} (a simulated pad on a socat pty) to {@code tixun}. */
public final class SimCommands implements CommandPlugin {
    public SimCommands() {
        // ServiceLoader
    }

    @Override
    public void register(CommandLine root) {
        CommandPlugin.under(root, "pad").addSubcommand(new CommandLine(SimulateCommand.class,
                CommandLine.defaultFactory()));
    }
}
