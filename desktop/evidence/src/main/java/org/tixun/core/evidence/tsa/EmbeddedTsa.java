// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.pki.IssuedCredential;

/** An RFC 3161 time-stamp authority (BouncyCastle, key under the institution CA) served over HTTP on loopback. */
public final class EmbeddedTsa implements AutoCloseable {
    /** Policy OID of the embedded TSA (UUID arc). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier(
            "2.25.218231604357114683340939125418731180401.2");
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTsa.class);

    private final TimeStampResponseGenerator responder;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private HttpServer server;

    public EmbeddedTsa(IssuedCredential tsa) {
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            // No explicit provider for the signature: the TSA key may live on a PKCS#11 token.
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withECDSA", tsa.privateKey(), tsa.certificate());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the embedded TSA", e);
        }
    }

    /** Answers one DER time-stamp request in process. */
    public synchronized byte[] respond(byte[] requestDer) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(requestDer);
            TimeStampResponse response = responder.generate(request, BigInteger.valueOf(serial.incrementAndGet()),
                    new Date());
            return response.getEncoded();
        } catch (Exception e) {
            throw new IOException("time-stamp request rejected: " + e.getMessage(), e);
        }
    }

    /** Starts serving on 127.0.0.1 at the given port (0 picks a free one) and returns the URL. */
    public synchronized String start(int port) throws IOException {
        if (server != null) {
            return url();
        }
        // Without TCP_NODELAY the JDK server's header and body segments meet the client's delayed ACK: ~40 ms per
        // token instead of ~1 ms. The property is read once, when the first JDK HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/tsa", this::handle);
        server.start();
        LOG.info("embedded TSA listening on {}", url());
        return url();
    }

    /** The URL clients post requests to. */
    public synchronized String url() {
        if (server == null) {
            throw new IllegalStateException("TSA not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] reply;
            try {
                reply = respond(body);
            } catch (IOException e) {
                LOG.warn("bad time-stamp request: {}", e.getMessage());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
