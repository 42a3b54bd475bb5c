// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;

/**
 * The reference case-system gateway: serves {@code case-system-api.md} v1 on the JDK HTTP(S) server,
 * verifies every sealed document it receives and signs its receipts.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UUID_RE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern EMPTY_RANGE = Pattern.compile("bytes \\*/0");
    private static final Pattern DIGEST = Pattern.compile("sha-256=:([A-Za-z0-9+/=]+):");
    private static final long MAX_DOCUMENT = 512L << 20;
    private static final int VERIFIED_CACHE = 4096;

    static {
        disableNagle();
    }

    private final Config config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final GatewayStore store;
    private final RecordingStore recordings;
    private final ReceiptSigner signer;
    private final Verifier verifier;
    private final Clock clock;
    /** Verification is a pure function of the bytes and the anchors: remember recent answers by hash. */
    private final Map<String, String> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > VERIFIED_CACHE;
                }
            });

    /**
     * How the gateway runs.
     *
     * @param jdbcUrl null for SQLite in {@code storeDir/gateway.db}
     * @param trustAnchors the institution roots a received record must chain to; empty skips verification
     *                     (tests and benchmarks of transport only)
     * @param tls null for plain HTTP
     * @param bearerToken required from clients when not null
     * @param signer null for the gateway's own key in the store dir
     */
    public record Config(InetSocketAddress listen, Path storeDir, String jdbcUrl, List<X509Certificate> trustAnchors,
                         SSLContext tls, boolean requireClientCertificate, String bearerToken, ReceiptSigner signer,
                         int threads) {
        public Config {
            trustAnchors = List.copyOf(trustAnchors);
        }

        public static Config plain(InetSocketAddress listen, Path storeDir, List<X509Certificate> trustAnchors) {
            return new Config(listen, storeDir, null, trustAnchors, null, false, null, null, 8);
        }

        public Config withJdbc(String url) {
            return new Config(listen, storeDir, url, trustAnchors, tls, requireClientCertificate, bearerToken, signer,
                    threads);
        }

        public Config withTls(SSLContext context, boolean clientCertificate) {
            return new Config(listen, storeDir, jdbcUrl, trustAnchors, context, clientCertificate, bearerToken, signer,
                    threads);
        }

        public Config withBearerToken(String token) {
            return new Config(listen, storeDir, jdbcUrl, trustAnchors, tls, requireClientCertificate, token, signer,
                    threads);
        }

        public Config withSigner(ReceiptSigner s) {
            return new Config(listen, storeDir, jdbcUrl, trustAnchors, tls, requireClientCertificate, bearerToken, s,
                    threads);
        }
    }

    private GatewayServer(Config config, HttpServer server, ExecutorService executor, GatewayStore store,
                          RecordingStore recordings, ReceiptSigner signer, Clock clock) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.recordings = recordings;
        this.signer = signer;
        this.verifier = config.trustAnchors().isEmpty() ? null : new Verifier(config.trustAnchors());
        this.clock = clock;
    }

    /**
     * Asks the JDK HTTP server for TCP_NODELAY: without it a small answer written after its headers waits
     * for the client's delayed ACK (~40 ms a request). The JDK reads the property once, when its first
     * HTTP server is created in the process, so commands call this first thing.
     */
    public static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Opens the store and starts serving; {@code filters} run before every call (tests inject faults there). */
    public static GatewayServer start(Config config, List<Filter> filters) throws IOException {
        Files.createDirectories(config.storeDir().resolve("documents"));
        String url = config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:sqlite:" + config.storeDir().resolve("gateway.db").toAbsolutePath();
        GatewayStore store = GatewayStore.open(url);
        ReceiptSigner signer = config.signer() != null ? config.signer() : ReceiptSigner.loadOrCreate(config.storeDir());
        HttpServer server;
        if (config.tls() != null) {
            HttpsServer https = HttpsServer.create(config.listen(), 128);
            https.setHttpsConfigurator(new HttpsConfigurator(config.tls()) {
                @Override
                public void configure(HttpsParameters params) {
                    var p = config.tls().getDefaultSSLParameters();
                    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    p.setNeedClientAuth(config.requireClientCertificate());
                    params.setSSLParameters(p);
                }
            });
            server = https;
        } else {
            server = HttpServer.create(config.listen(), 128);
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, config.threads()), r -> {
            Thread t = new Thread(r, "tixun-gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        GatewayServer gateway = new GatewayServer(config, server, executor, store,
                new RecordingStore(config.storeDir().resolve("recordings")), signer, Clock.systemUTC());
        HttpContext ctx = server.createContext("/", gateway::handle);
        ctx.getFilters().addAll(filters);
        server.start();
        LOG.info("Gateway listening on {} ({}), store {}", gateway.port(), config.tls() == null ? "http" : "https",
                store.url());
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8443/}. */
    public String baseUrl() {
        return (config.tls() == null ? "http" : "https") + "://127.0.0.1:" + port() + "/";
    }

    public GatewayStore store() {
        return store;
    }

    public X509Certificate receiptCertificate() {
        return signer.certificate();
    }

    /** Where a recording's complete bytes lie (for tests and operators). */
    public Path recordingPath(String sha256) {
        return config.storeDir().resolve("recordings").resolve(sha256);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (config.bearerToken() != null) {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.equals("Bearer " + config.bearerToken())) {
                    drain(ex);
                    reply(ex, 401, error("a valid bearer token is required"));
                    return;
                }
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String[] parts = path.split("/");
            // "", "api", "v1", collection, id [, sub]
            if (parts.length < 5 || !"api".equals(parts[1]) || !"v1".equals(parts[2])) {
                drain(ex);
                reply(ex, 404, error("no such resource: " + path));
                return;
            }
            if ("recordings".equals(parts[3]) && parts.length == 5) {
                recording(ex, method, parts[4]);
            } else if ("records".equals(parts[3]) && parts.length == 6 && "document".equals(parts[5])
                    && "PUT".equals(method)) {
                document(ex, parts[4]);
            } else if ("records".equals(parts[3]) && parts.length == 6 && "receipt".equals(parts[5])
                    && "GET".equals(method)) {
                Optional<GatewayStore.StoredRecord> r = store.record(parts[4]);
                reply(ex, r.isPresent() ? 200 : 404, r.map(GatewayStore.StoredRecord::receiptJson)
                        .orElse(error("no record " + parts[4])));
            } else if ("records".equals(parts[3]) && parts.length == 5 && "PUT".equals(method)) {
                manifest(ex, parts[4]);
            } else {
                drain(ex);
                reply(ex, 405, error(method + " " + path + " is not part of the contract"));
            }
        } catch (RuntimeException e) {
            LOG.error("Gateway: {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            try {
                reply(ex, 500, error("internal error: " + e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the answer may already have been sent
            }
        }
    }

    private void recording(HttpExchange ex, String method, String sha) throws IOException {
        if (!SHA.matcher(sha).matches()) {
            drain(ex);
            reply(ex, 404, error("not a lowercase SHA-256: " + sha));
            return;
        }
        if ("HEAD".equals(method)) {
            long[] st = recordings.state(sha);
            if (st[0] < 0) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("X-Received-Bytes", Long.toString(st[0]));
            ex.sendResponseHeaders(st[1] == 1 ? 200 : 206, -1);
            return;
        }
        if (!"PUT".equals(method)) {
            drain(ex);
            reply(ex, 405, error(method + " is not allowed on recordings"));
            return;
        }
        String range = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Range")).orElse("");
        long first;
        long last;
        long total;
        Matcher m = RANGE.matcher(range.trim());
        if (m.matches()) {
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
            total = Long.parseLong(m.group(3));
        } else if (EMPTY_RANGE.matcher(range.trim()).matches()) {
            first = 0;
            last = -1;
            total = 0;
        } else {
            drain(ex);
            reply(ex, 400, error("Content-Range must be 'bytes <first>-<last>/<total>', got '" + range + "'"));
            return;
        }
        if (last < first - 1 || last >= total) {
            drain(ex);
            reply(ex, 400, error("Content-Range " + range + " is not inside the object"));
            return;
        }
        RecordingStore.Outcome o = recordings.append(sha, first, last, total, ex.getRequestBody());
        drain(ex);
        ex.getResponseHeaders().set("X-Received-Bytes", Long.toString(o.received()));
        switch (o.status()) {
            case 409 -> reply(ex, 409, JSON.createObjectNode().put("receivedBytes", o.received()).toString());
            case 422 -> reply(ex, 422, error("the complete recording does not have SHA-256 " + sha + "; discarded"));
            default -> reply(ex, o.status(), JSON.createObjectNode().put("receivedBytes", o.received()).toString());
        }
    }

    private void document(HttpExchange ex, String recordId) throws IOException {
        if (!UUID_RE.matcher(recordId).matches()) {
            drain(ex);
            reply(ex, 422, error("the record id must be a UUID: " + recordId));
            return;
        }
        byte[] pdf;
        try (InputStream in = ex.getRequestBody()) {
            pdf = in.readNBytes((int) MAX_DOCUMENT + 1);
        }
        if (pdf.length > MAX_DOCUMENT) {
            reply(ex, 413, error("the document is larger than " + MAX_DOCUMENT + " bytes"));
            return;
        }
        String digestHeader = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Digest")).orElse("");
        Matcher m = DIGEST.matcher(digestHeader);
        byte[] hash = Pki.sha256(pdf);
        if (!m.find()) {
            reply(ex, 422, error("Content-Digest with sha-256 is required"));
            return;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            reply(ex, 422, error("Content-Digest is not base64: " + m.group(1)));
            return;
        }
        if (!java.security.MessageDigest.isEqual(claimed, hash)) {
            reply(ex, 422, error("Content-Digest does not match the body (digest mismatch)"));
            return;
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            reply(ex, 422, error("the body is not a PDF"));
            return;
        }
        String sha = Pki.hex(hash);
        Optional<GatewayStore.StoredDocument> existing = store.document(recordId);
        if (existing.isPresent()) {
            answerExisting(ex, existing.get(), sha);
            return;
        }
        String problem = verify(sha, pdf);
        if (problem != null) {
            reply(ex, 422, error("the sealed record does not verify: " + problem));
            return;
        }
        Path file = config.storeDir().resolve("documents").resolve(recordId + "-" + sha + ".pdf");
        if (!Files.exists(file)) {
            InstitutionKeyStore.writeAtomically(file, pdf);
        }
        GatewayStore.StoredDocument doc = new GatewayStore.StoredDocument(recordId, sha, pdf.length, file.toString());
        if (store.insertDocument(doc, clock.instant().toString())) {
            reply(ex, 201, JSON.createObjectNode().put("recordId", recordId).put("documentSha256", sha).toString());
        } else {
            answerExisting(ex, store.document(recordId).orElseThrow(), sha);
        }
    }

    private void answerExisting(HttpExchange ex, GatewayStore.StoredDocument d, String sha) throws IOException {
        if (d.sha256().equals(sha)) {
            reply(ex, 200, JSON.createObjectNode().put("recordId", d.recordId()).put("documentSha256", sha).toString());
        } else {
            reply(ex, 409, error("a different document (SHA-256 " + d.sha256() + ") is already stored for record "
                    + d.recordId()));
        }
    }

    /** Null when the record verifies (or verification is off), else the failures in words. */
    private String verify(String sha, byte[] pdf) {
        if (verifier == null) {
            return null;
        }
        String cached = verified.get(sha);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String answer;
        try {
            VerificationReport report = verifier.verify("record.pdf", pdf);
            answer = report.ok() ? "" : report.failures().toString();
        } catch (IOException | RuntimeException e) {
            answer = "unreadable PDF: " + e.getMessage();
        }
        verified.put(sha, answer);
        return answer.isEmpty() ? null : answer;
    }

    private void manifest(HttpExchange ex, String recordId) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(4 << 20);
        }
        JsonNode m;
        try {
            m = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            reply(ex, 422, error("the manifest is not JSON: " + e.getOriginalMessage()));
            return;
        }
        List<String> problems = validate(recordId, m);
        if (!problems.isEmpty()) {
            reply(ex, 422, JSON.createObjectNode().put("error", "invalid manifest: " + String.join("; ", problems))
                    .toString());
            return;
        }
        Optional<GatewayStore.StoredRecord> existing = store.record(recordId);
        if (existing.isPresent()) {
            answerExisting(ex, existing.get(), m);
            return;
        }
        List<String> missing = new ArrayList<>();
        String docSha = m.get("documentSha256").asText();
        Optional<GatewayStore.StoredDocument> doc = store.document(recordId);
        if (doc.isEmpty() || !doc.get().sha256().equals(docSha) || doc.get().size() != m.get("documentSize").asLong()) {
            missing.add("document " + docSha);
        }
        for (JsonNode r : m.get("recordings")) {
            if (!recordings.complete(r.get("sha256").asText(), r.get("size").asLong())) {
                missing.add("recording " + r.get("sha256").asText());
            }
        }
        if (!missing.isEmpty()) {
            ObjectNode err = JSON.createObjectNode().put("error", "not yet complete here: " + String.join(", ", missing));
            ArrayNode list = err.putArray("missing");
            missing.forEach(list::add);
            reply(ex, 412, err.toString());
            return;
        }
        String receivedAt = clock.instant().toString();
        String receiptId = UUID.randomUUID().toString();
        ObjectNode receipt = JSON.createObjectNode();
        receipt.put("recordId", recordId);
        receipt.put("documentSha256", docSha);
        receipt.put("receivedAt", receivedAt);
        receipt.put("receiptId", receiptId);
        receipt.put("signature", signer.sign((recordId + "\n" + docSha + "\n" + receivedAt + "\n" + receiptId)
                .getBytes(StandardCharsets.UTF_8)));
        GatewayStore.StoredRecord rec = new GatewayStore.StoredRecord(recordId, m.toString(), receipt.toString());
        if (store.insertRecord(rec, receivedAt)) {
            reply(ex, 201, rec.receiptJson());
        } else {
            answerExisting(ex, store.record(recordId).orElseThrow(), m);
        }
    }

    private void answerExisting(HttpExchange ex, GatewayStore.StoredRecord r, JsonNode manifest) throws IOException {
        if (JSON.readTree(r.manifestJson()).equals(manifest)) {
            reply(ex, 200, r.receiptJson());
        } else {
            reply(ex, 409, error("a different manifest is already registered for record " + r.recordId()));
        }
    }

    private static List<String> validate(String recordId, JsonNode m) {
        List<String> p = new ArrayList<>();
        if (m == null || !m.isObject()) {
            return List.of("not a JSON object");
        }
        if (!UUID_RE.matcher(recordId).matches()) {
            p.add("the record id in the path is not a UUID");
        }
        if (!recordId.equals(m.path("recordId").asText())) {
            p.add("recordId does not match the path");
        }
        for (String f : List.of("caseNumber", "kind", "title", "sealedAt")) {
            if (!m.path(f).isTextual() || m.path(f).asText().isBlank()) {
                p.add(f + " is required");
            }
        }
        try {
            if (m.path("sealedAt").isTextual()) {
                Instant.parse(m.get("sealedAt").asText());
            }
        } catch (DateTimeParseException e) {
            p.add("sealedAt is not an ISO-8601 instant");
        }
        if (!SHA.matcher(m.path("documentSha256").asText()).matches()) {
            p.add("documentSha256 must be lowercase hex SHA-256");
        }
        if (!m.path("documentSize").canConvertToLong() || m.path("documentSize").asLong() <= 0) {
            p.add("documentSize must be a positive integer");
        }
        if (!m.path("participants").isArray()) {
            p.add("participants must be an array");
        }
        if (!m.path("recordings").isArray()) {
            p.add("recordings must be an array");
        } else {
            for (JsonNode r : m.get("recordings")) {
                if (!SHA.matcher(r.path("sha256").asText()).matches() || !r.path("size").canConvertToLong()
                        || r.path("size").asLong() < 0) {
                    p.add("each recording needs a lowercase hex sha256 and a size");
                    break;
                }
            }
        }
        JsonNode head = m.path("recordingChainHead");
        if (!head.isMissingNode() && !head.isNull() && !SHA.matcher(head.asText()).matches()) {
            p.add("recordingChainHead must be lowercase hex SHA-256 or null");
        }
        return p;
    }

    private static String error(String words) {
        return JSON.createObjectNode().put("error", words).toString();
    }

    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops at once: open exchanges are cut, as a crash would (stored state is always consistent). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
