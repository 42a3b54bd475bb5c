// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.archive.ArchiveService;
import org.tixun.core.archive.ArchiveWords;
import org.tixun.core.cli.DataDirOption;
import org.tixun.core.pki.Certificates;
import org.tixun.core.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tixun archive export|import|verify-all}: the clerk's archive from the command line. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "The archive of sealed records.",
        subcommands = {ArchiveCommand.Export.class, ArchiveCommand.Import.class, ArchiveCommand.VerifyAll.class})
public final class ArchiveCommand {
    public ArchiveCommand() {
        // picocli instantiates commands reflectively
    }

    static ArchiveService service(CoreServices core) {
        return org.tixun.core.archive.ArchiveService.of(core);
    }

    /** The given roots, else the institution root published in the data dir (setup writes it). */
    static List<X509Certificate> anchors(CoreServices core, List<Path> files) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : files) {
            out.addAll(Certificates.read(p));
        }
        if (out.isEmpty()) {
            out.addAll(org.tixun.core.setup.TrustAnchors.load(core.dataDir()));
        }
        if (out.isEmpty()) {
            throw new TixunException(TixunException.Exit.USAGE, "Give --trust-anchor: the institution root certificate"
                    + " the records must chain to (this data dir has none published: " + core.dataDir().rootCertificate()
                    + ").");
        }
        return out;
    }

    /** Writes a record package. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a record package: sealed PDF, recordings, manifest, verification report, receipt.")
    public static final class Export implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(index = "0", paramLabel = "RECORD_ID")
        String recordId;
        @Parameters(index = "1", paramLabel = "DIR")
        Path dir;
        @Option(names = {"--trust-anchor", "-t"}, paramLabel = "CERT", description = "institution root; repeatable")
        List<Path> trustAnchors = new ArrayList<>();
        @Spec
        CommandSpec spec;

        public Export() {
            // picocli
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                ArchiveService.ExportResult r = service(core).export(System.getProperty("user.name", "cli"), recordId,
                        dir, anchors(core, trustAnchors));
                out.println("Exported " + r.files().size() + " files to " + r.folder());
                r.notes().forEach(n -> out.println(n.bilingual()));
                out.println(r.report().ok() ? "Verification: all checks hold." : "Verification FAILED (see "
                        + r.folder().resolve("verification.txt") + ")");
                out.flush();
                return r.report().ok() ? 0 : 1;
            }
        }
    }

    /** Files a sealed record from elsewhere. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Verify a sealed record received from elsewhere, file it and queue it for sync.")
    public static final class Import implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(index = "0", paramLabel = "FILE.pdf")
        Path file;
        @Option(names = "--recording", paramLabel = "DIR",
                description = "the folder with its recording segments (required when its seal names a recording)")
        Path recording;
        @Option(names = "--case-number", paramLabel = "NUMBER", defaultValue = ArchiveWords.IMPORTED_CASE_NUMBER,
                description = "case to file it under (created if new; default ${DEFAULT-VALUE})")
        String caseNumber;
        @Option(names = {"--trust-anchor", "-t"}, paramLabel = "CERT", description = "institution root; repeatable")
        List<Path> trustAnchors = new ArrayList<>();
        @Spec
        CommandSpec spec;

        public Import() {
            // picocli
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                ArchiveService.ImportResult r = service(core).importSealed(System.getProperty("user.name", "cli"), file,
                        recording, caseNumber, anchors(core, trustAnchors));
                out.println("Verified and filed as record " + r.recordId() + " (" + r.recordings()
                        + " recording segments); queued for sync.");
                out.flush();
                return 0;
            }
        }
    }

    /** Verifies the whole archive. */
    @Command(name = "verify-all", mixinStandardHelpOptions = true,
            description = {"Verify every sealed record in the store with its recording as sealed (each segment's "
                + "SHA-256 and the chain); exit 1 if any fails."})
    public static final class VerifyAll implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Option(names = "--decode", description = "also decode every recording segment (slow on a large archive)")
        boolean decode;
        @Option(names = {"--trust-anchor", "-t"}, paramLabel = "CERT", description = "institution root; repeatable")
        List<Path> trustAnchors = new ArrayList<>();
        @Spec
        CommandSpec spec;

        public VerifyAll() {
            // picocli
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                List<ArchiveService.VerifyOutcome> all = service(core).verifyAll(anchors(core, trustAnchors), decode);
                long failed = all.stream().filter(o -> !o.ok()).count();
                for (ArchiveService.VerifyOutcome o : all) {
                    if (!o.ok()) {
                        out.println("FAIL " + o.recordId() + " (" + o.caseNumber() + "): " + o.summary());
                    }
                }
                out.printf("%d sealed records verified: %d ok, %d failed.%n", all.size(), all.size() - failed, failed);
                out.flush();
                return failed == 0 ? 0 : 1;
            }
        }
    }
}
