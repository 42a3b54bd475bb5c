// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * Commands a module outside the production application adds to the {@code tixun} command line: the demo, the
 * simulators, the benchmarks and the reference gateway. Found with {@link ServiceLoader}
 * ({@code META-INF/services/org.tixun.core.cli.CommandPlugin}), so production modules never depend on them: a
 * package built without those modules simply has no such commands.
 */
public interface CommandPlugin {

    /** Adds this module's commands to {@code root} (at the top level or under an existing command). */
    void register(CommandLine root);

    /** The existing subcommand {@code name} of {@code root}, for a plug-in that adds a command under it. */
    static CommandLine under(CommandLine root, String name) {
        CommandLine sub = root.getSubcommands().get(name);
        if (sub == null) {
            throw new IllegalStateException("no '" + name + "' command to add to");
        }
        return sub;
    }

    /** Registers every plug-in on the class path. */
    static void registerAll(CommandLine root) {
        for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class)) {
            plugin.register(root);
        }
    }
}
