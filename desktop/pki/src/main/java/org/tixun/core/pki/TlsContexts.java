// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.i18n.PkiMessages;

/** Builds TLS contexts from our own credentials and trust anchors (client and gateway alike). */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** Reads the first key entry of a PKCS#12 file (a client or server certificate with its key). */
    public static IssuedCredential load(java.nio.file.Path p12, char[] passphrase) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, passphrase);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    java.security.cert.Certificate[] chain = ks.getCertificateChain(alias);
                    List<X509Certificate> certs = new java.util.ArrayList<>();
                    for (java.security.cert.Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new IssuedCredential((java.security.PrivateKey) ks.getKey(alias, passphrase), certs);
                }
            }
            throw new LocalizedIOException(PkiMessages.of("tls.noKey", p12));
        } catch (GeneralSecurityException e) {
            throw new LocalizedIOException(PkiMessages.of("tls.unreadable", p12, e), e);
        }
    }

    /**
     * A TLS 1.2+/1.3 context.
     *
     * @param own our certificate and key (client certificate for mutual TLS, or the server's), null for none
     * @param trusted the CAs to trust for the other side, empty for the JVM's default trust store
     */
    public static SSLContext create(IssuedCredential own, List<X509Certificate> trusted) {
        try {
            char[] pw = "tixun".toCharArray();
            KeyManagerFactory kmf = null;
            if (own != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("own", own.privateKey(), pw, own.chainArray());
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trusted.isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                ts.load(null, null);
                int i = 0;
                for (X509Certificate c : trusted) {
                    ts.setCertificateEntry("ca" + i++, c);
                }
                tmf.init(ts);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
