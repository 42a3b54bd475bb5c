// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.cli.EvidenceBenchCommand;
import org.tixun.core.evidence.cli.EvidenceCli;

/**
 * Runs {@code bench-evidence} with DSS 6.4 (test scope) as the second-opinion baseline:
 * {@code ./mvnw -B -q -pl desktop/core test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.tixun.core.evidence.EvidenceBenchMain"}.
 */
public final class EvidenceBenchMain {
    private EvidenceBenchMain() {
    }

    public static void main(String[] args) {
        EvidenceFixtures.quietLogs();
        System.setProperty(EvidenceBenchCommand.SECOND_OPINION, DssSecondOpinion.class.getName());
        String[] all = new String[args.length + 1];
        all[0] = "bench-evidence";
        System.arraycopy(args, 0, all, 1, args.length);
        EvidenceCli.main(all);
    }
}
