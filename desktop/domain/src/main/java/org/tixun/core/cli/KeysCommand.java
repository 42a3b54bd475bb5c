// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tixun.core.TixunException;
import org.tixun.core.i18n.Localized;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.WrongPassphraseException;
import org.tixun.core.util.Hex;
import org.tixun.core.util.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tixun keys info}: opens the institution keystore and lists its certificates (never the keys). */
@Command(name = "keys", description = "Institution keystore.", mixinStandardHelpOptions = true,
        subcommands = KeysCommand.Info.class)
public final class KeysCommand {

    /** Lists subject, issuer, validity and SHA-256 fingerprint of every institution certificate. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show the institution certificates (root CA, seal, escrow, TLS, TSA).")
    public static final class Info implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Spec
        CommandSpec spec;
        @Option(names = "--passphrase-stdin", description = "Read the keystore passphrase from standard input.")
        boolean passphraseStdin;

        @Override
        public Integer call() throws Exception {
            char[] pass = Secrets.read(passphraseStdin, Messages.of("cli.secret.keystorePassphrase"), "--passphrase-stdin");
            var path = dataDir.resolve().keystore();
            try {
                InstitutionKeyStore keys = InstitutionKeyStore.open(path, pass);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Keystore " + path + " (" + keys.institutionName() + ")");
                print(out, "root CA", keys.rootCertificate());
                print(out, "seal", keys.sealCredential().certificate());
                print(out, "escrow", keys.escrowCertificate());
                print(out, "TLS", keys.tlsCredential().certificate());
                print(out, "TSA", keys.tsaCredential().certificate());
                return 0;
            } catch (WrongPassphraseException e) {
                throw new TixunException(TixunException.Exit.KEYSTORE, Messages.of("keysCommand.wrongPassphrase", e), e);
            } catch (IOException e) {
                throw new TixunException(TixunException.Exit.KEYSTORE, Localized.messageOf(e), e);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }

        private static void print(PrintWriter out, String label, X509Certificate c) throws Exception {
            out.printf("  %-8s %s%n           valid %s .. %s, SHA-256 %s%n", label,
                    c.getSubjectX500Principal().getName(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                    Hex.of(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
        }
    }
}
