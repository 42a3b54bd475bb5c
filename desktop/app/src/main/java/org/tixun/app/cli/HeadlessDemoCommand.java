// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.tixun.core.services.CoreServices;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.config.DataDir;
import org.tixun.demo.DemoData;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.users.PasswordHasher;

/** {@code tixun demo --headless}: a sealed sample record without a screen, filed in the demo store. */
final class HeadlessDemoCommand {
    private HeadlessDemoCommand() {
    }

    static int run(DataDir dataDir, Path out, PrintWriter console) throws Exception {
        try (CoreServices core = CoreServices.open(dataDir)) {
            DemoData.ensure(core, PasswordHasher.DEFAULT);
            var keys = DemoData.keys(core);
            long started = System.nanoTime();
            HeadlessDemo.Outcome outcome = HeadlessDemo.run(out.toAbsolutePath(), keys);
            long ms = (System.nanoTime() - started) / 1_000_000;
            CaseFile demoCase = core.cases().find(core.cases().search("1017号", 1).get(0).id()).orElseThrow();
            RecordSummary record = core.records().createDraft("demo", demoCase, "INTERROGATION_RECORD",
                    "讯问笔录（演示签章）");
            byte[] sealed = java.nio.file.Files.readAllBytes(outcome.sealed());
            // the recording is filed as the seal states it, its segments taken into the record's own folder
            org.tixun.core.archive.ArchiveService.of(core).fileSealed("demo", record.id(), outcome.sealed(), Pki.sha256Hex(sealed),
                    outcome.recordingDir());
            console.printf("Rendered %d pages, %d signers signed, sealed and verified in %d ms.%n", outcome.pages(),
                    outcome.signers(), ms);
            console.printf("  frozen record   %s%n  sealed record   %s%n  trust anchor    %s%n  report          %s%n",
                    outcome.frozen(), outcome.sealed(), outcome.rootCertificate(),
                    outcome.sealed().resolveSibling("verification.txt"));
            console.printf("  filed as record %s (SEALED, queued for sync) in %s%n", record.id(), dataDir);
            console.println(outcome.report().ok() ? "Verification: all checks hold."
                    : "Verification FAILED:\n" + outcome.report().toText());
            console.printf("Check it independently: pdfsig %s ; tixun verify %s --trust-anchor %s%n", outcome.sealed(),
                    outcome.sealed(), outcome.rootCertificate());
            return outcome.report().ok() ? 0 : 1;
        }
    }
}
