// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The workstation side of enrollment: dials the terminal's one-time listener, checks that the request's code is the
 * one the administrator read off the terminal and that the request's key is the key the terminal holds on this TLS
 * connection, then issues the certificate.
 */
public final class WorkstationEnrollment {
    private static final char[] MEMORY_PASS = "tixun-enroll".toCharArray();

    private WorkstationEnrollment() {
    }

    /**
     * Enrolls one terminal.
     *
     * @param ca the terminal authority
     * @param workstation the workstation's TLS credential (shown to the terminal)
     * @param terminalAddress {@code host:port} of the enrollment listener; the host goes into the certificate's SAN
     * @param typedCode the code the administrator read on the terminal screen
     * @param terminalName the name to certify (e.g. 「第一看守所 讯问室 2」)
     * @return the issued terminal certificate
     * @throws LinkRefusedException if the codes differ or the request is not bound to the connection
     */
    public static X509Certificate enroll(SessionCa ca, IssuedCredential workstation, String terminalAddress,
            String typedCode, String terminalName, Duration timeout) throws IOException {
        int colon = terminalAddress.lastIndexOf(':');
        String host = terminalAddress.substring(0, colon);
        int port = Integer.parseInt(terminalAddress.substring(colon + 1));
        SSLContext ctx;
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, MEMORY_PASS);
            ks.setKeyEntry("own", workstation.privateKey(), MEMORY_PASS, workstation.chainArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, MEMORY_PASS);
            ctx = SSLContext.getInstance(SessionTls.PROTOCOL);
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new TerminalEnrollment.AcceptAny()}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the enrollment TLS context", e);
        }
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            SSLParameters p = s.getSSLParameters();
            p.setProtocols(new String[] {SessionTls.PROTOCOL});
            s.setSSLParameters(p);
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            s.startHandshake();
            PublicKey serverKey = s.getSession().getPeerCertificates()[0].getPublicKey();
            FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            SessionMessage m = MessageCodec.decode(codec.read(in));
            if (!(m instanceof EnrollmentRequest req)) {
                throw new LinkRefusedException(SessionMessages.of("enrollment.unexpectedFromTerminal", m.messageType().name()));
            }
            PublicKey csrKey = SessionCa.publicKey(SessionCa.parse(req.csrDer()));
            String code = EnrollmentCode.of(csrKey);
            String refusal = null;
            if (!EnrollmentCode.matches(typedCode, code)) {
                refusal = SessionMessages.of("enrollment.codeMismatch", typedCode).bilingual();
            } else if (!java.util.Arrays.equals(csrKey.getEncoded(), serverKey.getEncoded())) {
                refusal = SessionMessages.of("enrollment.keyMismatch").bilingual();
            }
            if (refusal != null) {
                codec.write(out, MessageCodec.frame(new EnrollmentResult(false, List.of(), null, refusal), 0));
                out.flush();
                throw new LinkRefusedException(refusal);
            }
            List<X509Certificate> chain = ca.signTerminalRequest(req.csrDer(), terminalName, host);
            List<byte[]> der = new ArrayList<>();
            for (X509Certificate c : chain) {
                der.add(c.getEncoded());
            }
            codec.write(out, MessageCodec.frame(new EnrollmentResult(true, der, ca.crl().getEncoded(), ""), 0));
            out.flush();
            return chain.get(0);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the issued certificate", e);
        }
    }
}
