// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.bench.EvidenceBenchCommand;
import org.tixun.core.evidence.cli.QuietLogs;
import picocli.CommandLine;

/**
 * Runs {@code bench-evidence} with DSS 6.4 (test scope) as the second-opinion baseline:
 * {@code ./mvnw -B -q -pl desktop/evidence-tests -am test-compile exec:exec -Dexec.executable=java
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.tixun.core.evidence.EvidenceBenchMain"}.
 */
public final class EvidenceBenchMain {
    private EvidenceBenchMain() {
    }

    public static void main(String[] args) {
        EvidenceFixtures.quietLogs();
        System.setProperty(EvidenceBenchCommand.SECOND_OPINION, DssSecondOpinion.class.getName());
        QuietLogs.apply();
        System.exit(new CommandLine(new EvidenceBenchCommand()).execute(args));
    }
}
