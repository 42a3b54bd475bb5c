// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tixun audit verify}: checks the hash chain of the audit log. */
@Command(name = "audit", description = "Audit log commands.", mixinStandardHelpOptions = true,
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    /** Verifies every entry and the anchored chain head; exit 1 names the first bad entry. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the append-only audit log: detects altered, deleted, inserted or reordered entries.")
    public static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                AuditVerification v = core.audit().verify();
                if (v.intact()) {
                    out.println("Audit log intact: " + v.entries() + " entries verified.");
                    return TixunException.Exit.OK.code();
                }
                err.println("Audit log BROKEN at entry #" + v.firstBadSeq() + ": " + v.problem());
                return TixunException.Exit.FAILED.code();
            }
        }
    }
}
