// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * What a terminal holds after enrollment: its key and certificate chain, the institution root it now trusts, and
 * the CRL it received (may be null).
 */
public record EnrolledTerminal(IssuedCredential credential, X509Certificate root, X509CRL crl) {
    private static final String ALIAS = "terminal-tls";

    /** The root's code, for the officer to compare with the workstation's screen. */
    public String rootCode() {
        try {
            return EnrollmentCode.of(root.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The terminal's TLS context. */
    public SessionTls tls() {
        return SessionTls.create(SessionRole.TERMINAL, credential, root, crl);
    }

    /** Saves key and chain (leaf, root) to a PKCS#12 file, atomically. */
    public void save(Path p12, char[] passphrase) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, passphrase);
            ks.setKeyEntry(ALIAS, credential.privateKey(), passphrase, credential.chainArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            InstitutionKeyStore.writeAtomically(p12, out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the terminal key store", e);
        }
    }

    /** Loads what {@link #save} wrote (the CRL is not kept; pass the latest one known, or null). */
    public static EnrolledTerminal load(Path p12, char[] passphrase, X509CRL crl) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(p12)), passphrase);
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, passphrase);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) c);
            }
            return new EnrolledTerminal(new IssuedCredential(key, chain), chain.get(chain.size() - 1), crl);
        } catch (GeneralSecurityException e) {
            throw new LocalizedIOException(SessionMessages.of("enrolled.unreadable", p12), e);
        }
    }
}
