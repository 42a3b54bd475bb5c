// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tixun.core.services.CoreServices;
import org.tixun.core.config.DataDir;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.SealedRecordingReader;
import org.tixun.core.sync.Backoff;
import org.tixun.core.sync.FileRegionPublisher;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.RestConnector;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.SyncWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-sync}: delivers many sealed records and large sealed recordings to an in-process gateway on
 * loopback through the real outbox and worker, and compares the recordings' throughput with a bare HTTP PUT of the
 * same bytes in the same run; also the time from a gateway restart to resumed transfer, and memory.
 */
@Command(name = "bench-sync", mixinStandardHelpOptions = true,
        description = {"Sync benchmark on loopback (temporary store and gateway, removed afterwards).",
            "Targets: recordings >= 80 %% of a bare HTTP PUT of the same bytes, resume <= 5 s after a gateway restart,",
            "memory flat (recordings streamed: peak heap far below one recording)."})
public final class SyncBenchCommand implements Callable<Integer> {
    private static final String NOW = "2026-11-22T10:30:00Z";

    @Option(names = "--records", defaultValue = "1000", description = "sealed records (default ${DEFAULT-VALUE})")
    int records;
    @Option(names = "--recordings", defaultValue = "10", description = "records with one large sealed recording "
            + "segment each (default ${DEFAULT-VALUE})")
    int recordings;
    @Option(names = "--recording-mb", defaultValue = "100", description = "size of each (default ${DEFAULT-VALUE})")
    int recordingMb;
    @Option(names = "--threads", defaultValue = "4", description = "sync worker threads and parallel bare PUTs "
            + "(default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--chunk-mb", defaultValue = "0", description = "fixed recording chunk size in MB (default: the "
            + "client's, 8 MiB growing to 128 MiB on a fast link)")
    int chunkMb;
    @Option(names = "--rounds", defaultValue = "3", description = "bare-PUT and outbox rounds of the large recordings "
            + "(default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--link-mbit", defaultValue = "0", paramLabel = "MBIT", description = "shape loopback to this "
            + "rate (tc tbf on lo; needs root) for the bare-PUT and outbox rounds, as over a network link of that rate; "
            + "0 = unshaped, client and gateway sharing this machine's cores (default ${DEFAULT-VALUE})")
    int linkMbit;
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
        if (linkMbit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--link-mbit must be 0 (unshaped) or a "
                    + "link's rate in Mbit/s, not " + linkMbit);
        }
        GatewayServer.disableNagle();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = workDir == null ? Files.createTempDirectory("tixun-bench-sync")
                : Files.createTempDirectory(Files.createDirectories(workDir), "bench-sync");
        try (MemoryWatch memory = new MemoryWatch()) {
            return run(dir, out, memory);
        } finally {
            deleteTree(dir);
        }
    }

    private int run(Path dir, PrintWriter out, MemoryWatch memory) throws Exception {
        long prep = System.nanoTime();
        out.println("Preparing in " + dir + ": a sealed demo record with its recording (copied under " + records
                + " record ids), " + (recordings + 1) + " records sealed over one random " + recordingMb
                + " MB segment each");
        out.flush();
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "bench".toCharArray(),
                "基准测试检察院");
        HeadlessDemo.Outcome demo = HeadlessDemo.run(dir.resolve("demo"), keys);
        List<HeadlessDemo.Outcome> big = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i <= recordings; i++) {
            Path recDir = dir.resolve("rec").resolve(Integer.toString(i));
            randomFile(recDir.resolve("segment-0001.mp4"), (long) recordingMb << 20, random);
            big.add(HeadlessDemo.sealOver(dir.resolve("sealed").resolve(Integer.toString(i)), keys, "bench-" + i,
                    recDir, List.of("segment-0001.mp4")));
        }
        out.printf("Prepared in %.1f s.%n", (System.nanoTime() - prep) / 1e9);
        out.flush();

        try (CoreServices core = CoreServices.open(DataDir.at(dir.resolve("data")))) {
            SyncService sync = org.tixun.core.sync.SyncService.of(core);
            String caseId = insertCase(core);
            insertCopies(core, caseId, demo, records);
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
            config = GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", gateway.port()),
                    dir.resolve("gateway"), List.of(keys.rootCertificate()));
            RestConnector rest = new RestConnector(chunks(RestConnector.Config.of(URI.create(gateway.baseUrl()))));
            try {
                // 1. records
                memory.phase("records");
                long t0 = System.nanoTime();
                try (SyncWorker worker = new SyncWorker(sync, rest, threads, Backoff.DEFAULT, Clock.systemUTC())) {
                    worker.start();
                    require(worker.awaitIdle(Duration.ofMinutes(30)), "records did not finish");
                }
                double recordSeconds = (System.nanoTime() - t0) / 1e9;
                require(sync.counts().get(OutboxState.DONE) == records, "not every record was delivered: "
                        + sync.counts());
                out.printf("Records:    %d sealed records (%d KB, %d recording segments each) in %.2f s = %.1f "
                        + "records/s%n", records, Files.size(demo.sealed()) / 1024, demo.recording().segments().size(),
                        recordSeconds, records / recordSeconds);
                out.flush();

                // 2. large recordings, in rounds: a bare PUT of the same bytes, then the outbox into a fresh gateway
                //    store (so every byte is sent again); the machine is shared, so each is measured several times
                List<Path> files = new ArrayList<>();
                for (int i = 0; i < recordings; i++) {
                    files.add(dir.resolve("rec").resolve(Integer.toString(i)).resolve("segment-0001.mp4"));
                }
                double mb = (double) recordings * recordingMb;
                List<Double> bare = new ArrayList<>();
                List<Double> bareStreamed = new ArrayList<>();
                List<Double> synced = new ArrayList<>();
                List<Double> bareCpu = new ArrayList<>();
                List<Double> syncCpu = new ArrayList<>();
                List<String> loads = new ArrayList<>();
                out.println(linkMbit > 0 ? String.format("Link:       loopback shaped to %d Mbit/s (%.1f MB/s; tc "
                        + "tbf on lo) for the bare PUT and outbox rounds, as a network link of that rate", linkMbit,
                        linkMbit * 1e6 / 8 / (1 << 20))
                        : "Link:       loopback, unshaped: client and gateway share this machine's "
                        + Runtime.getRuntime().availableProcessors() + " cores (--link-mbit N for a link's rate)");
                out.flush();
                try (ShapedLoopback link = linkMbit > 0 ? ShapedLoopback.start(linkMbit) : null) {
                    for (int round = 0; round < rounds; round++) {
                        memory.phase("bare");
                        long c0 = cpuNanos();
                        bare.add(barePut(files, dir.resolve("bare-" + round), false));
                        bareCpu.add((cpuNanos() - c0) / 1e9);
                        bareStreamed.add(barePut(files, dir.resolve("bare-streamed-" + round), true));
                        Path store = dir.resolve("gateway-round-" + round);
                        try (GatewayServer g = GatewayServer.start(GatewayServer.Config.plain(
                                new InetSocketAddress("127.0.0.1", 0), store, List.of(keys.rootCertificate())),
                                List.of())) {
                            // the gateway verifies each sealed PDF once and then answers from its cache (as for the
                            // 1,000 copies above): verify these before the clock starts, so the round measures the
                            // recordings
                            for (int i = 0; i < recordings; i++) {
                                warmVerification(g, big.get(i).sealed());
                            }
                            for (int i = 0; i < recordings; i++) {
                                fileSealed(core, caseId, big.get(i));
                            }
                            RestConnector roundRest = new RestConnector(chunks(RestConnector.Config.of(
                                    URI.create(g.baseUrl()))));
                            memory.phase("recordings");
                            long c1 = cpuNanos();
                            long t1 = System.nanoTime();
                            try (SyncWorker worker = new SyncWorker(sync, roundRest, threads, Backoff.DEFAULT,
                                    Clock.systemUTC())) {
                                worker.start();
                                require(worker.awaitIdle(Duration.ofMinutes(30)), "recordings did not finish");
                            }
                            synced.add((System.nanoTime() - t1) / 1e9);
                            syncCpu.add((cpuNanos() - c1) / 1e9);
                            loads.add(loadAverage().split(" ")[0]);
                            require(g.store().recordCount() == recordings, "round " + round + " registered "
                                    + g.store().recordCount() + " records");
                        }
                        deleteTree(store);
                    }
                }
                double bareBest = bare.stream().min(Double::compare).orElseThrow();
                double syncBest = synced.stream().min(Double::compare).orElseThrow();
                double bareMedian = median(bare);
                double syncMedian = median(synced);
                out.printf("Recordings: %d x %d MB through the outbox (%s chunks, each file hashed before it is "
                        + "sent, %d threads), %d rounds: %s s; best %.1f MB/s, median %.1f MB/s%n", recordings,
                        recordingMb, chunkMb == 0 ? "8 to 128 MiB" : chunkMb + " MB", threads, rounds, seconds(synced),
                        mb / syncBest, mb / syncMedian);
                out.printf("Bare PUT:   the same %d files, one PUT each, %d in parallel, %d rounds: %s s; best %.1f "
                        + "MB/s, median %.1f MB/s%n", recordings, threads, rounds, seconds(bare), mb / bareBest,
                        mb / bareMedian);
                out.printf("Streamed:   the same bare PUTs with the connector's file streaming instead of the JDK's "
                        + "ofFile (for comparison, not the baseline): %s s; best %.1f MB/s%n", seconds(bareStreamed),
                        mb / bareStreamed.stream().min(Double::compare).orElseThrow());
                out.printf("CPU:        process CPU per round (client and gateway together): outbox %s s, bare PUT %s "
                        + "s; load average after each round %s, now %s%n", seconds(syncCpu), seconds(bareCpu),
                        String.join(", ", loads), loadAverage());
                double ratio = bareBest / syncBest;
                out.printf("Ratio:      %.0f %% of the bare PUT, best against best (median against median %.0f %%; "
                        + "target >= 80 %%) %s%n", ratio * 100, bareMedian / syncMedian * 100,
                        ratio >= 0.8 ? "met" : "NOT MET");
                out.flush();

                // 3. gateway restart in the middle of a recording
                HeadlessDemo.Outcome last = big.get(recordings);
                String sha = last.recording().segments().get(0).sha256();
                Path part = dir.resolve("gateway").resolve("recordings").resolve(sha + ".part");
                memory.phase("resume");
                long held;
                double resume;
                try (SyncWorker worker = new SyncWorker(sync, rest, threads, Backoff.DEFAULT, Clock.systemUTC())) {
                    worker.start();
                    fileSealed(core, caseId, last);
                    worker.wake();
                    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while ((!Files.exists(part) || Files.size(part) < ((long) recordingMb << 20) / 4)
                            && System.nanoTime() < until) {
                        Thread.sleep(2);
                    }
                    gateway.close();
                    held = Files.exists(part) ? Files.size(part) : 0;
                    Thread.sleep(1000);
                    firstChunkAt.set(0);
                    long restarted = System.nanoTime();
                    gateway = GatewayServer.start(config, List.of(watch));
                    require(worker.awaitIdle(Duration.ofMinutes(5)), "the interrupted recording did not finish");
                    resume = (firstChunkAt.get() - restarted) / 1e9;
                }
                out.printf("Resume:     gateway stopped at %d of %d MB, down 1 s; first chunk %.2f s after it answered "
                        + "again (target <= 5 s) %s%n", held >> 20, recordingMb, resume, resume <= 5 ? "met"
                        : "NOT MET");

                // 4. memory and checks
                out.println("Memory:     " + memory.summary());
                boolean whole = Files.exists(gateway.recordingPath(sha))
                        && Pki.hex(sha256(gateway.recordingPath(sha))).equals(sha);
                int expected = records + rounds * recordings + 1;
                out.printf("Check:      %d records registered once each (%d + the interrupted one here, %d in each "
                        + "round's gateway), the interrupted recording %s, outbox %s%n", gateway.store().recordCount(),
                        records, recordings, whole ? "complete and hash-equal" : "BROKEN", sync.counts());
                out.flush();
                return whole && gateway.store().recordCount() == records + 1
                        && sync.counts().get(OutboxState.DONE) == expected ? 0 : 1;
            } finally {
                gateway.close();
            }
        }
    }

    private RestConnector.Config chunks(RestConnector.Config c) {
        return chunkMb == 0 ? c : c.withChunkBytes(chunkMb << 20);
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String seconds(List<Double> xs) {
        return xs.stream().map(x -> String.format(java.util.Locale.ROOT, "%.2f", x))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Has the gateway verify (and remember) a sealed PDF, under a throwaway record id. */
    private static void warmVerification(GatewayServer g, Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(g.baseUrl()
                + "api/v1/records/" + UUID.randomUUID() + "/document")).header("Content-Type", "application/pdf")
                .header("Content-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        Pki.sha256(bytes)) + ":").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        require(r.statusCode() == 201, "the gateway refused the sealed PDF " + pdf + ": " + r.body());
    }

    /**
     * The baseline: each file in one plain HTTP PUT (the JDK's {@code BodyPublishers.ofFile}, {@code Content-Length})
     * to a JDK HTTP server in this process that writes the body to a file in 256 KiB blocks, as the gateway does, and
     * forces it to disk once, {@code threads} at a time. With {@code streamed} the body is the connector's file
     * streaming instead (for comparison). Returns the seconds for all of them.
     */
    private double barePut(List<Path> files, Path target, boolean streamed) throws Exception {
        Files.createDirectories(target);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService serverThreads = Executors.newFixedThreadPool(Math.max(2, threads));
        server.setExecutor(serverThreads);
        server.createContext("/", ex -> {
            Path f = target.resolve(Path.of(ex.getRequestURI().getPath()).getFileName().toString());
            try (InputStream in = ex.getRequestBody();
                    FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                // whole blocks per write, as the gateway writes them (the server's stream answers 8 KiB a read)
                byte[] buf = new byte[256 << 10];
                for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                }
                ch.force(false);
            }
            ex.sendResponseHeaders(201, -1);
            ex.close();
        });
        server.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            int i = 0;
            for (Path f : files) {
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bare/" + (i++));
                done.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                        return client.send(HttpRequest.newBuilder(uri).PUT(streamed
                                ? FileRegionPublisher.of(ch, f, 0, ch.size()) : HttpRequest.BodyPublishers.ofFile(f))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    }
                }));
            }
            for (Future<Integer> f : done) {
                require(f.get() == 201, "bare PUT answered " + f.get());
            }
            return (System.nanoTime() - t) / 1e9;
        } finally {
            pool.shutdownNow();
            server.stop(0);
            serverThreads.shutdownNow();
            deleteTree(target);
        }
    }

    /** Files one sealed record through the archive (recording hash-checked into the record's folder) and queues it. */
    private static String fileSealed(CoreServices core, String caseId, HeadlessDemo.Outcome o) throws IOException {
        String id = UUID.randomUUID().toString();
        insertRecord(core, caseId, id);
        org.tixun.core.archive.ArchiveService.of(core).fileSealed("bench", id, o.sealed(), Pki.hex(sha256(o.sealed())), o.recordingDir());
        return id;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static String insertCase(CoreServices core) {
        String id = UUID.randomUUID().toString();
        core.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_file(id, case_number, cause_of_action, "
                    + "created_at, updated_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, "基准〔2026〕1号");
                ps.setString(3, "基准测试");
                ps.setString(4, NOW);
                ps.setString(5, NOW);
                return ps.executeUpdate();
            }
        });
        return id;
    }

    private static void insertRecord(CoreServices core, String caseId, String id) {
        core.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record(id, case_id, kind, title, status, "
                    + "created_at, updated_at) VALUES (?,?,'INTERROGATION_RECORD','讯问笔录（基准）','DRAFT',?,?)")) {
                ps.setString(1, id);
                ps.setString(2, caseId);
                ps.setString(3, NOW);
                ps.setString(4, NOW);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_revision(record_id, revision, "
                    + "content_json) VALUES (?,0,'{}')")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Copies of the demo record under {@code n} new ids, filed in one transaction as {@code ArchiveService.fileSealed}
     * would file them (sealed, its recording's rows pointing at the demo's segments, queued), so that preparing 1,000
     * records does not dominate the run.
     */
    private static void insertCopies(CoreServices core, String caseId, HeadlessDemo.Outcome demo, int n)
            throws IOException {
        String sha = Pki.hex(sha256(demo.sealed()));
        SealedRecordingReader.Sealed sealed = SealedRecordingReader.read(demo.sealed()).orElseThrow();
        core.database().inTransaction(c -> {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO record(id, case_id, kind, title, status, "
                        + "created_at, updated_at) VALUES (?,?,'INTERROGATION_RECORD','讯问笔录（基准）','SEALED',?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, caseId);
                    ps.setString(3, NOW);
                    ps.setString(4, NOW);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_revision(record_id, revision, "
                        + "content_json, content_sha256, document_path, sealed_at) VALUES (?,0,'{}',?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, sha);
                    ps.setString(3, demo.sealed().toString());
                    ps.setString(4, NOW);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_recording(record_id, "
                        + "document_sha256, has_recording, session_id, manifest_sha256, manifest_json, chain_head, "
                        + "directory, source, filed_at) VALUES (?,?,1,?,?,?,?,?,'SEALED',?)")) {
                    ps.setString(1, id);
                    ps.setString(2, sha);
                    ps.setString(3, sealed.manifest().sessionId());
                    ps.setString(4, sealed.sha256());
                    ps.setString(5, new String(sealed.json(), java.nio.charset.StandardCharsets.UTF_8));
                    ps.setString(6, sealed.manifest().chainHead());
                    ps.setString(7, demo.recordingDir().toString());
                    ps.setString(8, NOW);
                    ps.executeUpdate();
                }
                for (RecordingManifest.Segment s : sealed.manifest().segments()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_recording_segment(record_id, "
                            + "segment_index, name, sha256, size_bytes, started_at, ended_at, status, chain_sha256, "
                            + "path, checked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                        ps.setString(1, id);
                        ps.setInt(2, s.index());
                        ps.setString(3, s.name());
                        ps.setString(4, s.sha256());
                        ps.setLong(5, s.size());
                        ps.setString(6, s.start().toString());
                        ps.setString(7, s.end().toString());
                        ps.setString(8, s.status().name());
                        ps.setString(9, s.chain());
                        ps.setString(10, demo.recordingDir().resolve(s.name()).toString());
                        ps.setString(11, NOW);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_item(record_id, item_kind, state, "
                        + "attempts, next_attempt_at, created_at, updated_at) VALUES (?,?,'PENDING',0,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, SyncService.ITEM_KIND);
                    ps.setString(3, "2000-01-01T00:00:00.000Z");
                    ps.setString(4, NOW);
                    ps.setString(5, NOW);
                    ps.executeUpdate();
                }
            }
            return null;
        });
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

    /**
     * Samples every 20 ms per phase: heap in use (garbage included) and the live heap after the last collection (what
     * the program holds); the process's peak resident set from {@code /proc/self/status}.
     */
    static final class MemoryWatch implements AutoCloseable {
        private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        private final java.util.Map<String, long[]> peaks = new java.util.LinkedHashMap<>();
        private volatile String phase = "prepare";
        private volatile boolean running = true;
        private final Thread thread;

        MemoryWatch() {
            thread = new Thread(() -> {
                while (running) {
                    long used = bean.getHeapMemoryUsage().getUsed();
                    long live = 0;
                    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == java.lang.management.MemoryType.HEAP
                                && pool.getCollectionUsage() != null) {
                            live += pool.getCollectionUsage().getUsed();
                        }
                    }
                    synchronized (peaks) {
                        long[] p = peaks.computeIfAbsent(phase, k -> new long[2]);
                        p[0] = Math.max(p[0], used);
                        p[1] = Math.max(p[1], live);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-memory");
            thread.setDaemon(true);
            thread.start();
        }

        void phase(String name) {
            phase = name;
        }

        String summary() {
            StringBuilder sb = new StringBuilder("peak heap in use / live after GC (MB):");
            synchronized (peaks) {
                peaks.forEach((p, v) -> sb.append(' ').append(p).append(' ').append(v[0] >> 20).append('/')
                        .append(v[1] >> 20).append(','));
            }
            sb.append(" max heap ").append(bean.getHeapMemoryUsage().getMax() >> 20).append(" MB; process peak RSS ")
                    .append(status("VmHWM")).append(", now ").append(status("VmRSS"));
            return sb.toString();
        }

        private static String status(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(key + ":")) {
                        return line.substring(key.length() + 1).trim();
                    }
                }
            } catch (IOException e) {
                return "n/a (" + e.getMessage() + ")";
            }
            return "n/a";
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
