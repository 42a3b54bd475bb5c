// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tixun.core.evidence.EventsFile;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.SigningRulesException;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tixun seal}: seals a frozen record from an events file (PAdES B-LTA with evidence). */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Seal a frozen record with its signature events.",
            "Exit codes: 0 sealed, 1 signing rules broken, 2 input unreadable, 3 time-stamp authority unreachable "
                    + "(the record stays frozen; retry)."})
public final class SealCommand implements Callable<Integer> {
    @Option(names = "--record", required = true, paramLabel = "frozen.pdf")
    Path record;

    @Option(names = "--events", required = true, paramLabel = "events.json")
    Path events;

    @Option(names = "--out", required = true, paramLabel = "sealed.pdf")
    Path out;

    @Option(names = "--keystore", required = true, paramLabel = "institution.p12")
    Path keystore;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "key store passphrase file (else $TIXUN_KEYSTORE_PASSPHRASE or a prompt)")
    Path passphraseFile;

    @Option(names = "--gm-keystore", paramLabel = "gm.p12",
            description = "GM (SM2) key store, same passphrase: add an SM2/SM3 signature per signer revision")
    Path gmKeystore;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Tsa tsa;

    static final class Tsa {
        @Option(names = "--tsa-url", paramLabel = "URL", description = "RFC 3161 time-stamp authority")
        String url;

        @Option(names = "--embedded-tsa", description = "run the institution's own TSA on loopback for this command")
        boolean embedded;
    }

    @Spec
    CommandSpec spec;

    public SealCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddedTsa local = null;
        try {
            char[] passphrase = Passphrases.read(passphraseFile, "TIXUN_KEYSTORE_PASSPHRASE",
                    EvidenceMessages.of("cli.keystorePassphrase"));
            InstitutionKeyStore keys = InstitutionKeyStore.open(keystore, passphrase);
            GmKeyStore gm = gmKeystore == null ? null : GmKeyStore.open(gmKeystore, passphrase);
            String url = tsa.url;
            if (tsa.embedded) {
                local = new EmbeddedTsa(keys.tsaCredential());
                url = local.start(0);
            }
            byte[] frozen = Files.readAllBytes(record);
            SealRequest request = EventsFile.read(events, frozen);
            SealResult result = new Sealer(keys, new Rfc3161Client(url), gm).seal(request);
            InstitutionKeyStore.writeAtomically(out, result.sealedPdf());
            for (SealResult.RevisionInfo r : result.revisions()) {
                o.printf("%-28s %7.1f ms %8d bytes%n", r.label(), r.nanos() / 1e6, r.bytesAdded());
            }
            o.println(EvidenceMessages.of("cli.sealed").chinese() + " " + EvidenceMessages.of("cli.sealed").english()
                    + ": " + out);
            o.flush();
            return 0;
        } catch (SigningRulesException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        } catch (TimestampUnavailableException e) {
            err.println(e.getMessage());
            err.flush();
            return 3;
        } catch (IOException | RuntimeException e) {
            err.println(EvidenceMessages.of("cli.cannotSeal").bilingual() + ": " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
