// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The terminal side of enrollment: a fresh EC P-256 key and PKCS#10 request, its short code for the screen, and a
 * one-time TLS listener (self-signed with the same key) on which the workstation collects the request and returns
 * the certificate. See docs/decisions/0007-session-link.md for the threat model.
 */
public final class TerminalEnrollment implements AutoCloseable {
    private static final char[] MEMORY_PASS = "tixun-enroll".toCharArray();
    private final String terminalName;
    private final KeyPair keys;
    private final byte[] csr;
    private SSLServerSocket server;

    private TerminalEnrollment(String terminalName, KeyPair keys) {
        this.terminalName = terminalName;
        this.keys = keys;
        this.csr = certificationRequest(keys, terminalName);
    }

    /** Generates the key and request. */
    public static TerminalEnrollment create(String terminalName) {
        return new TerminalEnrollment(terminalName, Pki.newEcKeyPair());
    }

    /** A DER PKCS#10 request signed with the key (proof of possession). */
    public static byte[] certificationRequest(KeyPair keys, String commonName) {
        try {
            X500Name subject = new X500Name("CN=" + commonName.replaceAll("[,+=\"\\\\<>;]", " "));
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build the certificate request", e);
        }
    }

    /** The code to show on the terminal screen. */
    public String code() {
        return EnrollmentCode.of(keys.getPublic());
    }

    /** The request. */
    public byte[] csrDer() {
        return csr.clone();
    }

    /** Listens for the workstation (port 0 picks one); returns the bound address. */
    public InetSocketAddress open(InetSocketAddress address) throws IOException {
        try {
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=Tixun terminal enrollment");
            X509Certificate self = new JcaX509CertificateConverter().setProvider(Pki.provider()).getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                            Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name,
                            keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA")
                                    .build(keys.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, MEMORY_PASS);
            ks.setKeyEntry("self", keys.getPrivate(), MEMORY_PASS, new X509Certificate[] {self});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, MEMORY_PASS);
            SSLContext ctx = SSLContext.getInstance(SessionTls.PROTOCOL);
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new AcceptAny()}, null);
            SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
            SSLParameters p = s.getSSLParameters();
            p.setProtocols(new String[] {SessionTls.PROTOCOL});
            p.setNeedClientAuth(true);
            s.setSSLParameters(p);
            s.setReuseAddress(true);
            s.bind(address, 1);
            server = s;
            return (InetSocketAddress) s.getLocalSocketAddress();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot open the enrollment listener", e);
        }
    }

    /**
     * Serves one workstation: sends the request, waits for the result and checks it.
     *
     * @throws LinkRefusedException if the workstation refused (code mismatch) or sent an inconsistent result
     */
    public EnrolledTerminal awaitResult(Duration timeout) throws IOException {
        if (server == null) {
            throw new IllegalStateException("open() first");
        }
        server.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket s = (SSLSocket) server.accept()) {
            s.setSoTimeout((int) timeout.toMillis());
            s.startHandshake();
            X509Certificate[] workstation = (X509Certificate[]) s.getSession().getPeerCertificates();
            FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            codec.write(out, MessageCodec.frame(new EnrollmentRequest(terminalName, csr), 0));
            out.flush();
            SessionMessage m = MessageCodec.decode(codec.read(in));
            if (!(m instanceof EnrollmentResult r)) {
                throw new LinkRefusedException(SessionMessages.of("enrollment.unexpectedFromWorkstation", m.messageType().name()));
            }
            if (!r.approved()) {
                throw new LinkRefusedException(SessionMessages.of("enrollment.refused", Message.untranslated(r.message())));
            }
            return check(r, workstation);
        } finally {
            close();
        }
    }

    private EnrolledTerminal check(EnrollmentResult r, X509Certificate[] workstation) throws IOException {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] der : r.chainDer()) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (chain.size() < 2) {
                throw new LinkRefusedException(SessionMessages.of("enrollment.incompleteChain"));
            }
            X509Certificate leaf = chain.get(0);
            X509Certificate root = chain.get(chain.size() - 1);
            if (!java.util.Arrays.equals(leaf.getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
                throw new LinkRefusedException(SessionMessages.of("enrollment.notOurKey"));
            }
            root.verify(root.getPublicKey());
            leaf.verify(root.getPublicKey());
            workstation[workstation.length - 1].verify(root.getPublicKey());
            X509CRL crl = r.crlDer() == null ? null
                    : (X509CRL) cf.generateCRL(new ByteArrayInputStream(r.crlDer()));
            if (crl != null) {
                crl.verify(root.getPublicKey());
            }
            return new EnrolledTerminal(new IssuedCredential(keys.getPrivate(), chain), root, crl);
        } catch (GeneralSecurityException e) {
            throw new LinkRefusedException(SessionMessages.of("enrollment.doesNotVerify", String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Trust on first use for enrollment only: the person comparing codes authenticates the exchange. */
    static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
