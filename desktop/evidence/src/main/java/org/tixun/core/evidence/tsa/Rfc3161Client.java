// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.tsa;

import com.itextpdf.signatures.ITSAClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.Pki;

/**
 * RFC 3161 client over HTTP(S) to a configurable time-stamp authority; usable by iText as its TSA client. With a trust
 * anchor, every token must be signed by a time-stamping certificate (critical extended key usage timeStamping) that
 * chains to it, else no token is returned.
 */
public final class Rfc3161Client implements ITSAClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String url;
    private final Duration timeout;
    private final X509Certificate trustAnchor;
    private volatile int tokenSizeEstimate = 4096;

    public Rfc3161Client(String url, Duration timeout) {
        this(url, timeout, null);
    }

    /**
     * A client that accepts only tokens whose signer chains to {@code trustAnchor}.
     *
     * @param trustAnchor the TSA's root (or issuing) certificate; null accepts any signer (the caller checks later)
     */
    public Rfc3161Client(String url, Duration timeout, X509Certificate trustAnchor) {
        this.url = url;
        this.timeout = timeout;
        this.trustAnchor = trustAnchor;
    }

    public Rfc3161Client(String url) {
        this(url, Duration.ofSeconds(10));
    }

    public String url() {
        return url;
    }

    @Override
    public int getTokenSizeEstimate() {
        return tokenSizeEstimate;
    }

    @Override
    public MessageDigest getMessageDigest() {
        return Pki.sha256Digest();
    }

    @Override
    public byte[] getTimeStampToken(byte[] imprint) throws TimestampUnavailableException {
        return stamp(imprint).encoded();
    }

    /** Obtains a token over a SHA-256 imprint; checks that the reply matches the request. */
    public Token stamp(byte[] sha256Imprint) throws TimestampUnavailableException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256Imprint, nonce);
        try {
            byte[] reply = post(request.getEncoded());
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TimestampUnavailableException(url, new LocalizedIOException(EvidenceMessages.of("tsa.refused",
                        response.getStatus(), String.valueOf(response.getStatusString()))));
            }
            if (trustAnchor != null) {
                checkSigner(token);
            }
            byte[] encoded = token.getEncoded();
            tokenSizeEstimate = encoded.length + 192;
            return new Token(encoded, token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException | IOException e) {
            if (e instanceof TimestampUnavailableException tue) {
                throw tue;
            }
            throw new TimestampUnavailableException(url, e);
        }
    }

    /** The configured trust anchor, or null. */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** The token's signature is valid, by a time-stamping certificate that chains to the trust anchor. */
    private void checkSigner(TimeStampToken token) throws TimestampUnavailableException {
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Pki.provider());
            List<X509Certificate> certs = new ArrayList<>();
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                certs.add(converter.getCertificate(h));
            }
            X509Certificate signer = null;
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            for (X509CertificateHolder h : matches) {
                signer = converter.getCertificate(h);
            }
            if (signer == null) {
                throw TimestampUnavailableException.untrusted(url, EvidenceMessages.of("tsa.noSignerCertificate"));
            }
            // Signature, signed attributes, and the signer's critical timeStamping extended key usage.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.provider()).build(signer));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(trustAnchor, null)),
                    target);
            params.setRevocationEnabled(false);
            params.setDate(token.getTimeStampInfo().getGenTime());
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certs)));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            throw TimestampUnavailableException.untrusted(url, Localized.messageOf(e));
        }
    }

    private byte[] post(byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setRequestProperty("Content-Type", "application/timestamp-query");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int code = c.getResponseCode();
            if (code != 200) {
                throw new IOException("HTTP " + code);
            }
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } finally {
            c.disconnect();
        }
    }

    /** A DER time-stamp token and its time. */
    public record Token(byte[] encoded, java.time.Instant time) {
    }
}
