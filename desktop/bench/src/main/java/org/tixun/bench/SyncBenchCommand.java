// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tixun.core.services.CoreServices;
import org.tixun.core.config.DataDir;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.sync.Backoff;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.RestConnector;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.SyncWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-sync}: delivers many sealed records and large recordings to an in-process gateway
 * on loopback and prints records/s, MB/s and the time from a gateway restart to resumed transfer.
 */
@Command(name = "bench-sync", mixinStandardHelpOptions = true,
        description = {"Sync benchmark on loopback (temporary store and gateway, removed afterwards).",
            "Targets: >= 50 records/s, >= 100 MB/s for recordings, resume <= 2 s after a gateway restart."})
public final class SyncBenchCommand implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "1000", description = "sealed records (default ${DEFAULT-VALUE})")
    int records;
    @Option(names = "--recordings", defaultValue = "10", description = "recordings (default ${DEFAULT-VALUE})")
    int recordings;
    @Option(names = "--recording-mb", defaultValue = "100", description = "size of each (default ${DEFAULT-VALUE})")
    int recordingMb;
    @Option(names = "--threads", defaultValue = "4", description = "sync worker threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--chunk-mb", defaultValue = "8", description = "recording chunk size (default ${DEFAULT-VALUE})")
    int chunkMb;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "where to put the temporary files")
    Path workDir;
    @Spec
    CommandSpec spec;

    public SyncBenchCommand() {
        // picocli instantiates commands reflectively
    }

    /** Runs the benchmark without the rest of the {@code tixun} command. */
    public static void main(String[] args) {
        GatewayServer.disableNagle();
        System.exit(new picocli.CommandLine(new SyncBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        GatewayServer.disableNagle();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = workDir == null ? Files.createTempDirectory("tixun-bench-sync")
                : Files.createTempDirectory(Files.createDirectories(workDir), "bench-sync");
        try {
            return run(dir, out);
        } finally {
            deleteTree(dir);
        }
    }

    private int run(Path dir, PrintWriter out) throws Exception {
        out.println("Preparing: a sealed record from the headless demo, " + records + " records, " + recordings
                + " x " + recordingMb + " MB recordings in " + dir);
        out.flush();
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "bench".toCharArray(),
                "基准测试检察院");
        HeadlessDemo.Outcome demo = HeadlessDemo.run(dir.resolve("demo"), keys);
        byte[] pdf = Files.readAllBytes(demo.sealed());
        try (CoreServices core = CoreServices.open(DataDir.at(dir.resolve("data")))) {
            SyncService sync = new SyncService(core.database(), core.records(), core.audit(), Clock.systemUTC());
            String caseId = insertCase(core);
            List<String> batch = insertRecords(core, caseId, demo.sealed(), Pki.sha256Hex(pdf), records, List.of());
            List<Path> recs = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < recordings + 1; i++) {
                recs.add(randomFile(dir.resolve("recordings").resolve("segment-" + i + ".mp4"),
                        (long) recordingMb << 20, random));
            }
            AtomicLong firstChunkAt = new AtomicLong();
            Filter watch = new Filter() {
                @Override
                public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                    if (ex.getRequestHeaders().containsKey("Content-Range")) {
                        firstChunkAt.compareAndSet(0, System.nanoTime());
                    }
                    chain.doFilter(ex);
                }

                @Override
                public String description() {
                    return "watch";
                }
            };
            GatewayServer.Config config = GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", 0),
                    dir.resolve("gateway"), List.of(keys.rootCertificate()));
            GatewayServer gateway = GatewayServer.start(config, List.of(watch));
            int port = gateway.port();
            config = GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", port), dir.resolve("gateway"),
                    List.of(keys.rootCertificate()));
            RestConnector rest = new RestConnector(RestConnector.Config.of(URI.create(gateway.baseUrl()))
                    .withChunkBytes(chunkMb << 20));
            try (SyncWorker worker = new SyncWorker(sync, rest, threads, Backoff.DEFAULT, Clock.systemUTC())) {
                // records
                long t0 = System.nanoTime();
                worker.start();
                require(worker.awaitIdle(Duration.ofMinutes(30)), "records did not finish");
                double recordSeconds = (System.nanoTime() - t0) / 1e9;
                require(sync.counts().get(OutboxState.DONE) == records, "not every record was delivered");
                out.printf("Records:    %d sealed records (%d KB each) in %.2f s = %.1f records/s (target >= 50)%n",
                        records, pdf.length / 1024, recordSeconds, records / recordSeconds);
                out.flush();

                // recordings
                insertRecords(core, caseId, demo.sealed(), Pki.sha256Hex(pdf), recordings, recs.subList(0, recordings));
                long t1 = System.nanoTime();
                worker.wake();
                require(worker.awaitIdle(Duration.ofMinutes(30)), "recordings did not finish");
                double recSeconds = (System.nanoTime() - t1) / 1e9;
                double mb = (double) recordings * recordingMb;
                out.printf("Recordings: %d x %d MB in %.2f s = %.1f MB/s (target >= 100), %d MB chunks%n", recordings,
                        recordingMb, recSeconds, mb / recSeconds, chunkMb);
                out.flush();

                // gateway restart mid-transfer
                Path last = recs.get(recordings);
                String sha = Pki.hex(sha256(last));
                insertRecords(core, caseId, demo.sealed(), Pki.sha256Hex(pdf), 1, List.of(last));
                Path part = dir.resolve("gateway").resolve("recordings").resolve(sha + ".part");
                worker.wake();
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while ((!Files.exists(part) || Files.size(part) < ((long) recordingMb << 20) / 4)
                        && System.nanoTime() < until) {
                    Thread.sleep(2);
                }
                gateway.close();
                long held = Files.exists(part) ? Files.size(part) : 0;
                Thread.sleep(1000);
                firstChunkAt.set(0);
                long restarted = System.nanoTime();
                gateway = GatewayServer.start(config, List.of(watch));
                require(worker.awaitIdle(Duration.ofMinutes(5)), "the interrupted recording did not finish");
                double resume = (firstChunkAt.get() - restarted) / 1e9;
                out.printf("Resume:     gateway stopped at %d of %d MB, down 1 s; first chunk %.2f s after it answered "
                        + "again (target <= 2 s)%n", held >> 20, recordingMb, resume);
                boolean complete = Files.exists(gateway.recordingPath(sha))
                        && Pki.hex(sha256(gateway.recordingPath(sha))).equals(sha);
                out.printf("Check:      %d records registered once each, interrupted recording %s%n",
                        gateway.store().recordCount(), complete ? "complete and hash-equal" : "BROKEN");
                out.flush();
                return complete && gateway.store().recordCount() == records + recordings + 1 ? 0 : 1;
            } finally {
                gateway.close();
            }
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static String insertCase(CoreServices core) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        core.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_file(id, case_number, cause_of_action, "
                    + "created_at, updated_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, "基准〔2026〕1号");
                ps.setString(3, "基准测试");
                ps.setString(4, now);
                ps.setString(5, now);
                return ps.executeUpdate();
            }
        });
        return id;
    }

    /** Copies of one sealed record under new ids (queued directly, one transaction), each with its recording. */
    private static List<String> insertRecords(CoreServices core, String caseId, Path pdf, String sha, int n,
                                              List<Path> recordings) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String[]> segs = new ArrayList<>();
        for (Path r : recordings) {
            segs.add(new String[] {r.toString(), Pki.hex(sha256(r)), Long.toString(Files.size(r))});
        }
        String now = Instant.now().toString();
        core.database().inTransaction(c -> {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO record(id, case_id, kind, title, status, "
                        + "created_at, updated_at) VALUES (?,?,'INTERROGATION_RECORD','讯问笔录（基准）','SEALED',?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, caseId);
                    ps.setString(3, now);
                    ps.setString(4, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_revision(record_id, revision, "
                        + "content_json, content_sha256, document_path, sealed_at) VALUES (?,0,'{}',?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, sha);
                    ps.setString(3, pdf.toString());
                    ps.setString(4, now);
                    ps.executeUpdate();
                }
                if (i < segs.size()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_segment(id, record_id, "
                            + "session_id, segment, path, sha256, size_bytes, started_at) VALUES (?,?,?,0,?,?,?,?)")) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, id);
                        ps.setString(3, "bench-" + id);
                        ps.setString(4, segs.get(i)[0]);
                        ps.setString(5, segs.get(i)[1]);
                        ps.setLong(6, Long.parseLong(segs.get(i)[2]));
                        ps.setString(7, now);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_item(record_id, item_kind, state, "
                        + "attempts, next_attempt_at, created_at, updated_at) VALUES (?,?,'PENDING',0,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, SyncService.ITEM_KIND);
                    ps.setString(3, "2000-01-01T00:00:00.000Z");
                    ps.setString(4, now);
                    ps.setString(5, now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return ids;
    }

    private static byte[] sha256(Path file) throws IOException {
        var md = Pki.sha256Digest();
        byte[] buf = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    private static Path randomFile(Path file, long bytes, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] buf = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buf.length) {
                random.nextBytes(buf);
                o.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
        return file;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
