// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.tsa;

import com.itextpdf.signatures.ITSAClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.tixun.core.pki.Pki;

/** RFC 3161 client over HTTP(S) to a configurable time-stamp authority; usable by iText as its TSA client. */
public final class Rfc3161Client implements ITSAClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String url;
    private final Duration timeout;
    private volatile int tokenSizeEstimate = 4096;

    public Rfc3161Client(String url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
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
                throw new TimestampUnavailableException(url,
                        new IOException("TSA refused: status " + response.getStatus() + " " + response.getStatusString()));
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
