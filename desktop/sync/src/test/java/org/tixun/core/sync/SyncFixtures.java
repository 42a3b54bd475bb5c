// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.cases.CaseFile;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordSummary;

/** Shared test material: one real sealed record made once per JVM, stores filled with copies of it. */
public final class SyncFixtures {
    private static final AtomicInteger CASES = new AtomicInteger();
    private static Path dir;
    private static InstitutionKeyStore keys;
    private static byte[] sealed;

    private SyncFixtures() {
    }

    /** Makes (once) a real sealed record with the headless demo and an institution key store. */
    public static synchronized void init() throws Exception {
        if (sealed != null) {
            return;
        }
        dir = Files.createTempDirectory("tixun-sync-fixture");
        Path toDelete = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var walk = Files.walk(toDelete)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }));
        keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "fixture".toCharArray(), "同步测试检察院");
        HeadlessDemo.Outcome outcome = HeadlessDemo.run(dir.resolve("demo"), keys);
        if (!outcome.report().ok()) {
            throw new IllegalStateException("the demo record does not verify:\n" + outcome.report().toText());
        }
        sealed = Files.readAllBytes(outcome.sealed());
    }

    public static InstitutionKeyStore keys() {
        return keys;
    }

    public static byte[] sealedPdf() {
        return sealed.clone();
    }

    /** The sealed record with one byte of page content changed: its signatures no longer hold. */
    public static byte[] tamperedPdf() {
        byte[] t = sealed.clone();
        String s = new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = s.indexOf("stream", s.length() / 3) + 20;
        t[at] ^= 0x01;
        return t;
    }

    /** Files a sealed record (a copy of {@code pdf}) in {@code core} under a new record id and queues it. */
    public static String sealedRecord(CoreServices core, SyncService sync, Path files, byte[] pdf,
                                      List<Path> recordings) throws IOException {
        CaseFile c = core.cases().save("test", TestCore.validCase("同测字〔2026〕" + CASES.incrementAndGet() + "号"));
        RecordSummary r = core.records().createDraft("test", c, "INTERROGATION_RECORD", "讯问笔录");
        Path doc = Files.createDirectories(files).resolve(r.id() + ".pdf");
        Files.write(doc, pdf);
        core.records().markSealed("test", r.id(), doc.toString(), Pki.sha256Hex(pdf));
        int seg = 0;
        for (Path rec : recordings) {
            int segment = seg++;
            String sha = SyncService.sha256(rec);
            long size = Files.size(rec);
            core.database().withConnection(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO recording_segment(id, record_id, "
                        + "session_id, segment, path, sha256, size_bytes, started_at, ended_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, r.id());
                    ps.setString(3, "session-" + r.id());
                    ps.setInt(4, segment);
                    ps.setString(5, rec.toString());
                    ps.setString(6, sha);
                    ps.setLong(7, size);
                    ps.setString(8, "2026-11-22T10:00:00Z");
                    ps.setString(9, "2026-11-22T10:30:00Z");
                    return ps.executeUpdate();
                }
            });
        }
        sync.enqueue(r.id());
        return r.id();
    }

    /** A file of {@code bytes} random bytes. */
    public static Path randomFile(Path file, long bytes, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buf.length) {
                random.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
        return file;
    }

    public static SyncService sync(CoreServices core) {
        return new SyncService(core.database(), core.records(), core.audit(), Clock.systemUTC());
    }

    /** Quick back-off for tests: 50 ms doubling to 400 ms. */
    public static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), () -> 0.5);
    }

    /** A gateway on a free loopback port trusting the fixture's institution root. */
    public static GatewayServer.Config gatewayConfig(Path store) {
        return GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", 0), store,
                List.of(keys.rootCertificate()));
    }

    public static RestConnector.Config rest(GatewayServer gateway) {
        return RestConnector.Config.of(java.net.URI.create(gateway.baseUrl()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
