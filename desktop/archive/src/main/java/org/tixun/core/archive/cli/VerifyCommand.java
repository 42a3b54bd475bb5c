// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive.cli;

import org.tixun.core.evidence.cli.Passphrases;
import org.tixun.core.evidence.cli.QuietLogs;
import org.tixun.core.evidence.cli.VerifyMessages;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.Receipt;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tixun.core.cli.DataDirOption;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tixun verify}: checks a sealed record offline and exits 0 only when every check holds. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a sealed record offline: signatures, chain, time-stamps, evidence, pages.",
            "Exit codes: 0 all checks hold, 1 a check failed, 2 file or key unreadable."})
public final class VerifyCommand implements Callable<Integer> {
    /** Reads a receipt file (the sync outbox's JSON) and checks its signature against the case system's certificate. */
    static Verifier.TimeAnchor timeAnchor(Path file, X509Certificate caseSystem) throws IOException {
        org.tixun.core.pki.Receipt r;
        try {
            r = org.tixun.core.pki.Receipt.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new LocalizedIOException(VerifyMessages.notAReceipt(file, e), e);
        }
        return new Verifier.TimeAnchor(r.documentSha256(), r.receivedAt(), r.receiptId(), r.signatureValid(caseSystem),
                caseSystem.getSubjectX500Principal().getName());
    }

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "sealed record")
    Path file;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = {"--trust-anchor", "-t"}, paramLabel = "CERT",
            description = {"trusted institution root certificate (PEM or DER); repeatable.",
                "Default: this installation's (institution-root.pem in the data directory; the command says so)"})
    List<Path> trustAnchors = new ArrayList<>();

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--escrow-key", paramLabel = "FILE.p12", description = "escrow key: also decrypt and check strokes")
    Path escrowKey;

    @Option(names = "--escrow-passphrase-file", paramLabel = "FILE",
            description = "file holding the escrow key passphrase (else $TIXUN_ESCROW_PASSPHRASE or a prompt)")
    Path escrowPassphraseFile;

    @Option(names = "--recording", paramLabel = "DIR",
            description = "recording segments: hashes, chain and full decode against the sealed recording manifest")
    Path recording;

    @Option(names = "--gm-trust-anchor", paramLabel = "CERT",
            description = "SM2 root certificate: also check the GM-track (SM2/SM3) signatures")
    Path gmTrustAnchor;

    @Option(names = "--seal-cert", paramLabel = "CERT",
            description = "the institution seal certificate: the seal and certification must be made with its key")
    List<Path> sealCerts = new ArrayList<>();

    @Option(names = "--receipt", paramLabel = "FILE",
            description = "the case system's signed receipt for this record (JSON): an independent time anchor")
    Path receipt;

    @Option(names = "--receipt-cert", paramLabel = "CERT",
            description = "the case system's receipt-signing certificate (needed with --receipt)")
    Path receiptCert;

    @Spec
    CommandSpec spec;

    public VerifyCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuietLogs.apply();
        try {
            List<X509Certificate> anchors = new ArrayList<>();
            for (Path p : trustAnchors) {
                anchors.addAll(Certificates.read(p));
            }
            if (trustAnchors.isEmpty()) {
                Path root = dataDir.resolve().rootCertificate();
                if (!Files.isRegularFile(root)) {
                    err.println(VerifyMessages.noTrustAnchor(root).bilingual());
                    err.flush();
                    return VerificationReport.EXIT_UNREADABLE;
                }
                anchors.addAll(Certificates.read(root));
                // said on stderr with --json so the JSON stays clean
                PrintWriter say = json ? err : out;
                say.println(VerifyMessages.installationTrustAnchor().bilingual() + " " + root + " — "
                        + anchors.get(0).getSubjectX500Principal().getName());
                say.flush();
            }
            IssuedCredential escrow = null;
            if (escrowKey != null) {
                escrow = InstitutionKeyStore.openEscrowKey(escrowKey,
                        Passphrases.read(escrowPassphraseFile, "TIXUN_ESCROW_PASSPHRASE",
                                EvidenceMessages.of("cli.escrowPassphrase")));
            }
            List<X509Certificate> seal = new ArrayList<>();
            for (Path p : sealCerts) {
                seal.addAll(Certificates.read(p));
            }
            Verifier.TimeAnchor anchor = null;
            if (receipt != null) {
                if (receiptCert == null) {
                    err.println(VerifyMessages.cannotVerify().bilingual() + ": "
                            + VerifyMessages.receiptNeedsCertificate().bilingual());
                    err.flush();
                    return VerificationReport.EXIT_UNREADABLE;
                }
                anchor = timeAnchor(receipt, Certificates.read(receiptCert).get(0));
            }
            byte[] pdf = Files.readAllBytes(file);
            VerificationReport report = new Verifier(anchors).verify(file.getFileName().toString(), pdf,
                    new Verifier.Options(escrow, recording,
                            gmTrustAnchor == null ? null : Certificates.read(gmTrustAnchor).get(0))
                            .withRecordingCheck(org.tixun.core.evidence.RecordingCheck.discover())
                            .withSealCertificates(seal).withReceipt(anchor));
            out.print(json ? report.toJson() + "\n" : report.toText());
            out.flush();
            return report.exitCode();
        } catch (IOException | RuntimeException e) {
            // One line, never a stack trace: the file, a key or a certificate cannot be read.
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println(VerifyMessages.cannotVerify().bilingual() + ": " + m.replaceAll("[\\r\\n]+", " "));
            err.flush();
            return VerificationReport.EXIT_UNREADABLE;
        }
    }
}
