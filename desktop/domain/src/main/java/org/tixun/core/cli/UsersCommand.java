// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.users.Role;
import org.tixun.core.users.User;
import org.tixun.core.util.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tixun users add|list}: local user management. */
@Command(name = "users", description = "Manage local users.", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public final class UsersCommand {

    /** Adds a user; the password comes from a prompt or, for scripts, from standard input. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a local user.")
    public static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, description = "Login name (lower-case letters, digits, . _ -).")
        String username;
        @Option(names = "--name", required = true, description = "Display name, e.g. 张伟.")
        String name;
        @Option(names = "--role", required = true,
                description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;
        @Option(names = "--password", interactive = true, arity = "0..1",
                description = "Prompt for the password (default when --password-stdin is not given).")
        char[] password;

        @Override
        public Integer call() throws IOException {
            char[] pw = password != null && !passwordStdin ? password
                    : Secrets.read(passwordStdin, Messages.of("cli.secret.password", username), "--password-stdin");
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                User u = core.users().add("cli", username, name, role, pw);
                spec.commandLine().getOut().println("Added user " + u.username() + " (" + u.role() + ").");
                return 0;
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }
    }

    /** Lists users with their roles. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List local users.")
    public static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                out.printf("%-20s %-18s %s%n", "USERNAME", "ROLE", "NAME");
                for (User u : core.users().list()) {
                    out.printf("%-20s %-18s %s%s%n", u.username(), u.role(), u.displayName(),
                            u.disabled() ? " (disabled)" : "");
                }
                return 0;
            }
        }
    }
}
