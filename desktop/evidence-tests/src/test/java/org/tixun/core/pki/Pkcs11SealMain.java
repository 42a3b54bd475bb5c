// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.nio.file.Path;
import java.util.List;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.demo.SampleRecord;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;

/** Child process of {@link Pkcs11TokenTest}: needs SOFTHSM2_CONF in its environment before the library loads. */
public final class Pkcs11SealMain {
    private Pkcs11SealMain() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path cfg = Path.of(args[0]);
        try {
            InstitutionKeyStore.openPkcs11(cfg, "0000".toCharArray());
            System.out.println("wrong PIN accepted");
            System.exit(1);
        } catch (WrongPassphraseException e) {
            System.out.println("wrong PIN refused: " + e.getMessage());
        }
        InstitutionKeyStore keys = InstitutionKeyStore.openPkcs11(cfg, "1234".toCharArray());
        System.out.println("seal key class: " + keys.sealCredential().privateKey().getClass().getName());
        try (EmbeddedTsa tsa = new EmbeddedTsa(keys.tsaCredential())) {
            byte[] frozen = SampleRecord.frozenPdf();
            SealResult result = new Sealer(keys, new Rfc3161Client(tsa.start(0)))
                    .seal(SampleRecord.request(frozen, 20));
            System.out.println("sealed on token: " + result.sealedPdf().length + " bytes");
            VerificationReport report = new Verifier(List.of(keys.rootCertificate())).verify("token.pdf",
                    result.sealedPdf());
            System.out.println(report.ok() ? "verified: all checks passed" : report.toText());
            System.exit(report.ok() ? 0 : 1);
        }
    }
}
