// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/** The case-system contract over HTTPS (or plain HTTP when the URL says so) with java.net.http. */
public final class RestConnector implements Connector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_STEPS = 100_000;

    private final Config config;
    private final HttpClient client;
    /** The chunk size the link has shown it carries well; the next recording starts there. */
    private final java.util.concurrent.atomic.AtomicLong learnedChunk;

    /**
     * How to reach the case system.
     *
     * @param baseUrl e.g. {@code https://cases.example/} (the API lives under {@code api/v1/})
     * @param sslContext client certificate and trust for mutual TLS, null for the JVM defaults
     * @param bearerToken sent as {@code Authorization: Bearer}, null for none
     * @param chunkBytes size of a recording's first chunk
     * @param maxChunkBytes the chunks of a recording grow up to this while each one takes under an eighth of the
     *                      request time-out, and shrink back when one takes over a quarter of it (bodies are streamed
     *                      from the file, so the size costs no memory; fewer chunks mean fewer round trips and fewer
     *                      forced writes on the server); equal to {@code chunkBytes} for fixed chunks
     * @param receiptSigner when set, a receipt must carry a valid signature by this certificate
     */
    public record Config(URI baseUrl, SSLContext sslContext, String bearerToken, Duration connectTimeout,
                         Duration requestTimeout, int chunkBytes, int maxChunkBytes,
                         java.security.cert.X509Certificate receiptSigner) {
        public Config {
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("the case-system URL must start with https:// (or http:// for tests): "
                        + baseUrl);
            }
            if (!baseUrl.toString().endsWith("/")) {
                baseUrl = URI.create(baseUrl + "/");
            }
            if (chunkBytes < 1 || maxChunkBytes < chunkBytes) {
                throw new IllegalArgumentException("chunk sizes must be positive, the largest at least the first");
            }
        }

        /** Defaults: 10 s to connect, 2 min per request, chunks from 8 MiB growing up to 128 MiB. */
        public static Config of(URI baseUrl) {
            return new Config(baseUrl, null, null, Duration.ofSeconds(10), Duration.ofMinutes(2), 8 << 20, 128 << 20,
                    null);
        }

        public Config withTls(SSLContext context) {
            return new Config(baseUrl, context, bearerToken, connectTimeout, requestTimeout, chunkBytes, maxChunkBytes, receiptSigner);
        }

        public Config withBearerToken(String token) {
            return new Config(baseUrl, sslContext, token, connectTimeout, requestTimeout, chunkBytes, maxChunkBytes, receiptSigner);
        }

        public Config withTimeouts(Duration connect, Duration request) {
            return new Config(baseUrl, sslContext, bearerToken, connect, request, chunkBytes, maxChunkBytes, receiptSigner);
        }

        public Config withReceiptSigner(java.security.cert.X509Certificate signer) {
            return new Config(baseUrl, sslContext, bearerToken, connectTimeout, requestTimeout, chunkBytes, maxChunkBytes, signer);
        }

        /** Fixed chunks of {@code bytes}. */
        public Config withChunkBytes(int bytes) {
            return new Config(baseUrl, sslContext, bearerToken, connectTimeout, requestTimeout, bytes, bytes,
                    receiptSigner);
        }

        /** Chunks from {@code first} bytes growing up to {@code max} on a fast link. */
        public Config withChunkBytes(int first, int max) {
            return new Config(baseUrl, sslContext, bearerToken, connectTimeout, requestTimeout, first, max,
                    receiptSigner);
        }
    }

    public RestConnector(Config config) {
        this.config = config;
        this.learnedChunk = new java.util.concurrent.atomic.AtomicLong(config.chunkBytes());
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (config.sslContext() != null) {
            b.sslContext(config.sslContext());
        }
        this.client = b.build();
    }

    @Override
    public String destination() {
        return config.baseUrl().toString();
    }

    @Override
    public Receipt deliver(Delivery d) throws DeliveryException {
        for (Delivery.Recording r : d.recordings()) {
            uploadRecording(r);
        }
        uploadDocument(d);
        return register(d);
    }

    private void uploadRecording(Delivery.Recording r) throws DeliveryException {
        URI uri = api("recordings/" + r.sha256());
        HttpResponse<String> head = send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        long received;
        switch (head.statusCode()) {
            case 200 -> {
                return;
            }
            case 206 -> received = receivedBytes(head, null);
            case 404 -> received = 0;
            default -> throw answer(head, "HEAD recording " + r.sha256());
        }
        // the bytes about to go out under the sealed hash must be the sealed bytes
        ContentCheck.requireSealed(r);
        int conflicts = 0;
        long chunk = learnedChunk.get();
        long fast = config.requestTimeout().toNanos() / 8;
        long slow = config.requestTimeout().toNanos() / 4;
        try (FileChannel file = FileChannel.open(r.path(), StandardOpenOption.READ)) {
            for (int step = 0; step < MAX_STEPS; step++) {
                if (received > r.size()) {
                    throw DeliveryException.refused("the case system holds " + received + " bytes of recording "
                            + r.sha256() + " but the file has only " + r.size(), null);
                }
                long len = Math.min(chunk, r.size() - received);
                if (len == 0 && r.size() > 0) {
                    // the server holds every byte but has not finished the object (another delivery of the same
                    // recording is completing it): wait for it rather than send an empty range
                    awaitComplete(uri, r);
                    return;
                }
                String range = r.size() == 0 ? "bytes */0"
                        : "bytes " + received + "-" + (received + len - 1) + "/" + r.size();
                long sent = System.nanoTime();
                HttpResponse<String> put;
                try {
                    put = send(request(uri).header("Content-Type", "application/octet-stream")
                            .header("Content-Range", range).PUT(region(file, r.path(), received, len)).build());
                } catch (DeliveryException e) {
                    learnedChunk.set(config.chunkBytes()); // a time-out or a dropped link: start small again
                    throw e;
                }
                long took = System.nanoTime() - sent;
                if (took < fast && len == chunk) {
                    chunk = Math.min(config.maxChunkBytes(), chunk * 2);
                } else if (took > slow) {
                    chunk = Math.max(Math.min(config.chunkBytes(), 1 << 20), chunk / 2);
                }
                learnedChunk.set(chunk);
                switch (put.statusCode()) {
                    case 200, 201 -> {
                        return;
                    }
                    case 202 -> received = receivedBytes(put, received + len);
                    // the server holds a different amount than we thought (a lost answer, a restart): continue from there
                    case 409 -> {
                        if (++conflicts > 5) {
                            throw answer(put, "PUT recording " + r.sha256() + " " + range);
                        }
                        received = receivedBytes(put, null);
                    }
                    default -> throw answer(put, "PUT recording " + r.sha256() + " " + range);
                }
            }
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: the recording " + r.path() + " cannot be read: "
                    + e.getMessage(), null, null, e);
        }
        throw DeliveryException.transientFailure("recording " + r.sha256() + " did not complete in " + MAX_STEPS
                + " chunks", null, null, null);
    }

    /** Asks (HEAD) a few times, 50 ms apart, until the server has completed the object it holds all bytes of. */
    private void awaitComplete(URI uri, Delivery.Recording r) throws DeliveryException {
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> head = send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            if (head.statusCode() == 200) {
                return;
            }
            if (head.statusCode() != 206 || receivedBytes(head, null) != r.size()) {
                break; // it dropped them (e.g. a hash mismatch from another sender): the next attempt starts over
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw DeliveryException.transientFailure("the case system holds all " + r.size() + " bytes of recording "
                + r.sha256() + " but has not completed it", null, null, null);
    }

    /**
     * A request body of {@code length} bytes of {@code file} from {@code from}, read in blocks as the client sends
     * them (never the whole chunk in memory) with a {@code Content-Length}, which every server understands.
     */
    static HttpRequest.BodyPublisher region(FileChannel file, java.nio.file.Path path, long from, long length) {
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return new FileRegionPublisher(file, path, from, length);
    }

    private static long receivedBytes(HttpResponse<String> res, Long fallback) throws DeliveryException {
        String h = res.headers().firstValue("X-Received-Bytes").orElse(null);
        try {
            if (h != null) {
                return Long.parseLong(h.trim());
            }
            JsonNode body = res.body() == null || res.body().isBlank() ? null : JSON.readTree(res.body());
            if (body != null && body.has("receivedBytes")) {
                return body.get("receivedBytes").asLong();
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        if (fallback != null) {
            return fallback;
        }
        throw DeliveryException.transientFailure("HTTP " + res.statusCode() + " without X-Received-Bytes from "
                + res.uri(), res.statusCode(), null, null);
    }

    private void uploadDocument(Delivery d) throws DeliveryException {
        ContentCheck.requireSealedDocument(d);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.documentSha256()))
                + ":";
        HttpResponse<String> res;
        try (FileChannel file = FileChannel.open(d.document(), StandardOpenOption.READ)) {
            res = send(request(api("records/" + d.recordId() + "/document"))
                    .header("Content-Type", "application/pdf").header("Content-Digest", digest)
                    .PUT(region(file, d.document(), 0, file.size())).build());
        } catch (IOException e) {
            throw DeliveryException.transientFailure("local error: the sealed document " + d.document()
                    + " cannot be read: " + e.getMessage(), null, null, e);
        }
        if (res.statusCode() != 200 && res.statusCode() != 201) {
            throw answer(res, "PUT document");
        }
    }

    private Receipt register(Delivery d) throws DeliveryException {
        HttpResponse<String> res = send(request(api("records/" + d.recordId()))
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(d.manifestJson(), StandardCharsets.UTF_8)).build());
        if (res.statusCode() != 200 && res.statusCode() != 201) {
            throw answer(res, "PUT manifest");
        }
        Receipt receipt;
        try {
            receipt = Receipt.fromJson(res.body());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.refused("the case system answered " + res.statusCode()
                    + " without a readable receipt: " + e.getMessage(), res.statusCode());
        }
        if (config.receiptSigner() != null && !receipt.signatureValid(config.receiptSigner())) {
            throw DeliveryException.refused("the receipt's signature does not verify against the case system's "
                    + "certificate " + config.receiptSigner().getSubjectX500Principal().getName(), res.statusCode());
        }
        return receipt;
    }

    private URI api(String path) {
        return config.baseUrl().resolve("api/v1/" + path);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout());
        if (config.bearerToken() != null && !config.bearerToken().isBlank()) {
            b.header("Authorization", "Bearer " + config.bearerToken());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw DeliveryException.transientFailure("no answer from " + request.uri() + " within "
                    + config.requestTimeout().toSeconds() + " s", null, null, e);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("cannot reach " + request.uri() + ": " + e, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while sending to " + request.uri(), null,
                    Duration.ZERO, e);
        }
    }

    /** Maps an unexpected answer: 408/429/5xx are transient, anything else is the server's final word. */
    private static DeliveryException answer(HttpResponse<String> res, String what) {
        int code = res.statusCode();
        String words = res.body() == null || res.body().isBlank() ? "(no explanation)" : Receipt.abbreviate(res.body());
        String message = what + ": HTTP " + code + " " + words;
        if (code == 429 || code == 408 || code >= 500) {
            return DeliveryException.transientFailure(message, code, retryAfter(res), null);
        }
        return DeliveryException.refused(message, code);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> res) {
        String v = res.headers().firstValue("Retry-After").orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
