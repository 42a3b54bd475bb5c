// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/**
 * A throw-away institution with an enrolled terminal, for both ends of a link on one machine (benchmarks, tests): a
 * new institution key store in {@code dir}, its session CA, a terminal credential issued from a CSR as enrollment
 * issues it, and the mutual-TLS contexts of both ends. Real keys and certificates, just not kept.
 *
 * @param keys the institution key store
 * @param ca its session CA
 * @param terminal the terminal's TLS context
 * @param workstation the workstation's TLS context
 */
public record LoopbackTls(InstitutionKeyStore keys, SessionCa ca, SessionTls terminal, SessionTls workstation) {

    /** Creates the institution {@code institution} in {@code dir} and enrolls a terminal at {@code address}. */
    public static LoopbackTls create(Path dir, String institution, char[] passphrase, String address)
            throws IOException {
        Path p12 = dir.resolve("institution.p12");
        InstitutionKeyStore keys = InstitutionKeyStore.create(p12, passphrase, institution);
        SessionCa ca = SessionCa.open(p12, passphrase, keys, dir.resolve("revoked.txt"));
        return new LoopbackTls(keys, ca, terminalTls(keys, ca, address), ca.workstationTls(keys.tlsCredential()));
    }

    /** A terminal credential issued by {@code ca} from a CSR, as enrollment issues it. */
    public static IssuedCredential terminalCredential(SessionCa ca, String name, String address) throws IOException {
        KeyPair kp = Pki.newEcKeyPair();
        return new IssuedCredential(kp.getPrivate(),
                ca.signTerminalRequest(TerminalEnrollment.certificationRequest(kp, "terminal"), name, address));
    }

    private static SessionTls terminalTls(InstitutionKeyStore keys, SessionCa ca, String address) throws IOException {
        return SessionTls.create(SessionRole.TERMINAL, terminalCredential(ca, "终端", address), keys.rootCertificate(),
                ca.crl());
    }
}
