// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Certificates;

/** The servers {@link CaseSystemScenario} runs against, each a real process on loopback. */
public final class CaseSystemServers {
    private CaseSystemServers() {
    }

    /** The independent Python implementation, {@code src/test/python/case_system_server.py}. */
    public static Path pythonScript() {
        return Path.of("src", "test", "python", "case_system_server.py").toAbsolutePath();
    }

    /** Python 3 from the PATH; aborts (or fails on CI) when there is none. */
    public static String python() throws Exception {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && v.startsWith("Python 3")) {
                return "python3";
            }
        } catch (IOException e) {
            // fall through
        }
        if (System.getenv("CI") == null) {
            Assumptions.abort("python3 is not installed here: run .ci/install-deps.sh");
        }
        throw new AssertionError("python3 is required (.ci/install-deps.sh installs Debian python3)");
    }

    /** The independent server: its report says what it holds, its effects are counted durably before answering. */
    public static final class Python implements CaseSystemScenario.Server {
        private final int port;
        private final Path store;
        private final Path plan;
        private ChildJvm process;

        public Python(Path store, String faults) throws Exception {
            this.port = ChildJvm.freePort();
            this.store = store;
            this.plan = Files.writeString(Files.createDirectories(store.getParent()).resolve("faults.json"), faults);
            start(plan);
        }

        private void start(Path faults) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(python(), "-u", pythonScript().toString(), "--listen",
                    "127.0.0.1:" + port, "--store", store.toString()));
            if (faults != null) {
                cmd.addAll(List.of("--faults", faults.toString()));
            }
            process = ChildJvm.exec(cmd);
            process.await("READY", 30_000);
        }

        @Override
        public String baseUrl() {
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public Path partial(String sha256) {
            return store.resolve("recordings").resolve(sha256 + ".part");
        }

        @Override
        public void kill() throws Exception {
            process.kill();
        }

        @Override
        public void restart() throws Exception {
            start(plan);
        }

        /** The server's own report ({@code GET /_report}). */
        public JsonNode report() throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "_report")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("report: HTTP " + r.statusCode() + " " + r.body());
            }
            return new ObjectMapper().readTree(r.body());
        }

        @Override
        public CaseSystemScenario.Held held(java.util.Collection<String> recordIds) throws Exception {
            JsonNode report = report();
            Map<String, String> receipts = new HashMap<>();
            Map<String, JsonNode> manifests = new HashMap<>();
            for (JsonNode r : report.get("records")) {
                receipts.put(r.get("recordId").asText(), r.get("receipt").toString());
                manifests.put(r.get("recordId").asText(), r.get("manifest"));
            }
            Map<String, String> documents = new HashMap<>();
            for (JsonNode d : report.get("documents")) {
                documents.put(d.get("recordId").asText(), d.get("storedSha256").asText());
            }
            Map<String, String> segments = new HashMap<>();
            for (JsonNode s : report.get("segments")) {
                segments.put(s.get("sha256").asText(), s.get("storedSha256").asText());
            }
            Map<String, Integer> created = new HashMap<>();
            report.get("created").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(
                    key -> created.put(kind.getKey() + ":" + key.getKey(), key.getValue().asInt())));
            return new CaseSystemScenario.Held(receipts, manifests, documents, segments, created);
        }

        public List<String> log() {
            return process.lines;
        }

        @Override
        public void close() throws Exception {
            process.close();
        }
    }

    /** The reference gateway in a child JVM (SQLite in its store, or PostgreSQL), the same faults by filter. */
    public static final class Gateway implements CaseSystemScenario.Server {
        private static final Pattern ANSWER = Pattern.compile("ANSWER PUT /api/v1/(recordings/([0-9a-f]{64})"
                + "|records/([0-9a-f-]{36})/document|records/([0-9a-f-]{36})) 201");
        private final int port;
        private final Path store;
        private final Path root;
        private final String jdbc;
        private final Path plan;
        private final List<String> lines = new ArrayList<>();
        private ChildJvm process;

        public Gateway(Path store, String jdbcOrNull, String faults) throws Exception {
            this.port = ChildJvm.freePort();
            this.store = store;
            this.jdbc = jdbcOrNull;
            this.root = Files.createDirectories(store.getParent()).resolve("root.pem");
            Certificates.writePem(root, SyncFixtures.keys().rootCertificate());
            this.plan = Files.writeString(store.getParent().resolve("gateway-faults.json"), faults);
            start(plan);
        }

        private void start(Path faults) throws Exception {
            process = ChildJvm.start(GatewayProcessMain.class, Integer.toString(port), store.toString(),
                    root.toString(), "0", jdbc == null ? "-" : jdbc, faults == null ? "-" : faults.toString());
            process.await("READY", 60_000);
        }

        private void collect() {
            if (process != null) {
                lines.addAll(process.lines);
                process.lines.clear();
            }
        }

        @Override
        public String baseUrl() {
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public Path partial(String sha256) {
            return store.resolve("recordings").resolve(sha256 + ".part");
        }

        @Override
        public void kill() throws Exception {
            process.kill();
            collect();
        }

        @Override
        public void restart() throws Exception {
            start(plan);
        }

        @Override
        public CaseSystemScenario.Held held(java.util.Collection<String> recordIds) throws Exception {
            process.close();
            collect();
            GatewayServer.Config config = GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", 0), store,
                    List.of(SyncFixtures.keys().rootCertificate()));
            if (jdbc != null) {
                config = config.withJdbc(jdbc);
            }
            Map<String, String> receipts = new HashMap<>();
            Map<String, JsonNode> manifests = new HashMap<>();
            Map<String, String> documents = new HashMap<>();
            Map<String, String> segments = new HashMap<>();
            try (GatewayServer g = GatewayServer.start(config, List.of());
                    var files = Files.list(store.resolve("recordings"))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.matches("[0-9a-f]{64}")) {
                        segments.put(name, SyncService.sha256(f));
                    }
                }
                for (String id : recordIds) {
                    if (g.store().record(id).isPresent()) {
                        var r = g.store().record(id).get();
                        receipts.put(id, r.receiptJson());
                        manifests.put(id, new ObjectMapper().readTree(r.manifestJson()));
                    }
                    if (g.store().document(id).isPresent()) {
                        documents.put(id, SyncService.sha256(Path.of(g.store().document(id).get().path())));
                    }
                }
            }
            Map<String, Integer> created = new HashMap<>();
            for (String line : lines) {
                Matcher m = ANSWER.matcher(line);
                if (m.find()) {
                    String key = m.group(2) != null ? "segments:" + m.group(2)
                            : m.group(3) != null ? "documents:" + m.group(3) : "records:" + m.group(4);
                    created.merge(key, 1, Integer::sum);
                }
            }
            return new CaseSystemScenario.Held(receipts, manifests, documents, segments, created);
        }

        @Override
        public void close() throws Exception {
            if (process != null) {
                process.close();
            }
        }
    }
}
