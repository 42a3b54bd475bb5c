// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Test code: an external RFC 3161 time-stamp authority that is not Tixun's embedded one: its own CA ("Test TSA Root
 * CA"), a TSA certificate with the critical timeStamping key purpose issued by it, BouncyCastle's
 * TimeStampResponseGenerator answering {@code application/timestamp-query} POSTs over HTTP on loopback.
 */
public final class TestTsa implements AutoCloseable {
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.626.1");

    private final X509Certificate root;
    private final TimeStampResponseGenerator responder;
    private final AtomicLong serial = new AtomicLong(1000);
    private final AtomicLong answered = new AtomicLong();
    private final HttpServer server;

    public TestTsa() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rootKeys = gen.generateKeyPair();
        KeyPair tsaKeys = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name rootName = new X500Name("CN=Test TSA Root CA,O=Tixun test,C=CN");
        X509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), rootName,
                rootKeys.getPublic());
        rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        root = sign(rb, rootKeys);
        X509v3CertificateBuilder tb = new JcaX509v3CertificateBuilder(rootName, BigInteger.TWO,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=Test External TSA,O=Tixun test,C=CN"), tsaKeys.getPublic());
        tb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        tb.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate tsaCert = sign(tb, rootKeys);
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", tsaKeys.getPrivate(), tsaCert), new JcaDigestCalculatorProviderBuilder()
                .build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(tsaCert, root)));
        responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                byte[] reply;
                try {
                    reply = responder.generate(new TimeStampRequest(body), BigInteger.valueOf(serial.incrementAndGet()),
                            new Date()).getEncoded();
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                answered.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        });
        server.start();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuer.getPrivate())));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public X509Certificate root() {
        return root;
    }

    /** The root certificate as PEM, as an administrator imports it. */
    public String rootPem() throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(root);
        }
        return w.toString();
    }

    public long answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
