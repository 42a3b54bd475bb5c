// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * Mutual TLS 1.3 contexts for the link: our own credential, trust in the institution root only, the institution's
 * CRL, and refusals explained in words (Chinese and English) on the side that refuses and on the side refused.
 */
public final class SessionTls {
    /** The only protocol offered. */
    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] MEMORY_PASS = "tixun-link".toCharArray();

    private final SessionRole role;
    private final SSLContext context;

    private SessionTls(SessionRole role, SSLContext context) {
        this.role = role;
        this.context = context;
    }

    /**
     * A context for one end.
     *
     * @param role which end we are (the peer's role names the certificate in messages)
     * @param own our key and chain (leaf first)
     * @param root the institution root, the only trust anchor
     * @param crl the institution's current CRL; null turns revocation checking off (a terminal before its first CRL)
     */
    public static SessionTls create(SessionRole role, IssuedCredential own, X509Certificate root, X509CRL crl) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, MEMORY_PASS);
            ks.setKeyEntry("own", own.privateKey(), MEMORY_PASS, own.chainArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, MEMORY_PASS);
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new InstitutionTrustManager(role.peer(), root, crl)},
                    null);
            return new SessionTls(role, ctx);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }

    /** The underlying context (for the enrollment and benchmark code). */
    public SSLContext context() {
        return context;
    }

    /** Which end this context is for. */
    public SessionRole role() {
        return role;
    }

    /** Restricts a socket to TLS 1.3 and, on the dialling side, turns on host name verification against the SAN. */
    static void configure(SSLSocket socket, boolean client) {
        SSLParameters p = socket.getSSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        if (client) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        } else {
            p.setNeedClientAuth(true);
        }
        socket.setSSLParameters(p);
    }

    /**
     * Turns a TLS failure into a sentence for the user: our own refusal (from our trust manager) or the peer's alert.
     */
    static LinkRefusedException explain(SSLException e, SessionRole self) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedCertificateException r) {
                return new LinkRefusedException(r.message(), e);
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("Empty client certificate chain") || m.contains("Empty server certificate chain")) {
            return new LinkRefusedException(SessionMessages.of("tls.noCertificate", self.peer()), e);
        }
        SessionRole peer = self.peer();
        if (m.contains("certificate_revoked")) {
            return new LinkRefusedException(SessionMessages.of("tls.ourCertificateRevoked", peer), e);
        }
        if (m.contains("certificate_expired")) {
            return new LinkRefusedException(SessionMessages.of("tls.ourCertificateExpired", peer), e);
        }
        if (m.contains("certificate_unknown") || m.contains("bad_certificate") || m.contains("unknown_ca")
                || m.contains("certificate_required")) {
            return new LinkRefusedException(SessionMessages.of("tls.ourCertificateUntrusted", peer), e);
        }
        if (m.contains("protocol_version") || m.contains("handshake_failure")) {
            return new LinkRefusedException(SessionMessages.of("tls.handshakeFailed", m), e);
        }
        return null;
    }

    /** Whether an exception is a handshake failure (as opposed to a dropped connection). */
    static boolean isHandshakeFailure(Throwable e) {
        return e instanceof SSLHandshakeException;
    }

    /** A certificate refused by our trust manager, with the sentence to show. */
    static final class RefusedCertificateException extends CertificateException implements Localized {
        private static final long serialVersionUID = 1L;

        private final transient Message message;

        RefusedCertificateException(Message message, Throwable cause) {
            super(message.bilingual(), cause);
            this.message = message;
        }

        @Override
        public Message message() {
            return message != null ? message : Message.untranslated(getMessage());
        }
    }

    /** PKIX validation against the institution root with the institution CRL, explaining each refusal. */
    static final class InstitutionTrustManager extends X509ExtendedTrustManager {
        private final SessionRole peer;
        private final X509Certificate root;
        private final X509CRL crl;
        private final X509ExtendedTrustManager delegate;

        InstitutionTrustManager(SessionRole peer, X509Certificate root, X509CRL crl) throws GeneralSecurityException {
            this.peer = peer;
            this.root = root;
            this.crl = crl;
            PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(root, null)),
                    new X509CertSelector());
            List<Object> store = new ArrayList<>();
            store.add(root);
            if (crl != null) {
                store.add(crl);
            }
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            params.setRevocationEnabled(crl != null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(params));
            X509ExtendedTrustManager found = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    found = x;
                }
            }
            if (found == null) {
                throw new GeneralSecurityException("no X509ExtendedTrustManager");
            }
            this.delegate = found;
        }

        private void precheck(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new RefusedCertificateException(SessionMessages.of("tls.noCertificate", peer), null);
            }
            X509Certificate top = chain[chain.length - 1];
            boolean anchored = top.equals(root);
            if (!anchored) {
                try {
                    top.verify(root.getPublicKey());
                    anchored = top.getIssuerX500Principal().equals(root.getSubjectX500Principal());
                } catch (GeneralSecurityException e) {
                    anchored = false;
                }
            }
            if (!anchored) {
                throw new RefusedCertificateException(SessionMessages.of("tls.notOurInstitution", peer,
                        String.valueOf(chain[0].getSubjectX500Principal())),
                        new CertPathValidatorException("untrusted issuer"));
            }
            if (crl != null && crl.isRevoked(chain[0])) {
                throw new RefusedCertificateException(SessionMessages.of("tls.revoked", peer,
                        chain[0].getSerialNumber().toString(16)),
                        new CertPathValidatorException("revoked", null, null, -1,
                                CertPathValidatorException.BasicReason.REVOKED));
            }
        }

        private CertificateException explain(CertificateException e) {
            if (e instanceof RefusedCertificateException) {
                return e;
            }
            String m = String.valueOf(e.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")
                    || m.contains("No subject alternative DNS name")) {
                return new RefusedCertificateException(SessionMessages.of("tls.wrongAddress", peer, m), e);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.security.cert.CertificateExpiredException) {
                    return new RefusedCertificateException(SessionMessages.of("tls.expired", peer), e);
                }
            }
            return new RefusedCertificateException(SessionMessages.of("tls.invalid", peer, m), e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            precheck(chain);
            try {
                delegate.checkClientTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            precheck(chain);
            try {
                delegate.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            precheck(chain);
            try {
                delegate.checkClientTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            precheck(chain);
            try {
                delegate.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            precheck(chain);
            try {
                delegate.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            precheck(chain);
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw explain(e);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            // No certificate_authorities hint: a peer from another institution then still presents its certificate
            // and gets refused with a precise sentence instead of sending an empty chain.
            return new X509Certificate[0];
        }
    }
}
