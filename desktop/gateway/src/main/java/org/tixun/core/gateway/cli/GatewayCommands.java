// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway.cli;

import org.tixun.core.cli.CommandPlugin;
import picocli.CommandLine;

/** Adds {@code gateway} (the reference case-system gateway) to {@code tixun} when this module is on the class path. */
public final class GatewayCommands implements CommandPlugin {
    public GatewayCommands() {
        // ServiceLoader
    }

    @Override
    public void register(CommandLine root) {
        root.addSubcommand(new CommandLine(GatewayCommand.class, CommandLine.defaultFactory()));
    }
}
