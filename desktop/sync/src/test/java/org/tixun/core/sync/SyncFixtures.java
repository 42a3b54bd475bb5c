// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.cases.CaseFile;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.records.RecordSummary;

/**
 * Shared test material, made once per JVM: real sealed records (the headless demo's, with its real recording; a
 * second one recorded under the same session id; records sealed over large random segments) and an institution key
 * store; stores filled with copies of them.
 */
public final class SyncFixtures {
    private static final AtomicInteger CASES = new AtomicInteger();
    private static Path dir;
    private static InstitutionKeyStore keys;
    private static Sealed demo;
    private static Sealed demo2;
    private static Sealed multi;
    private static Sealed big;

    /**
     * A sealed record: the PDF's bytes and the folder holding the segments its seal names.
     *
     * @param recording the sealed recording manifest
     */
    public record Sealed(byte[] pdf, Path recordingDir, RecordingManifest recording) {
        /** The same recording with other document bytes (e.g. a tampered copy). */
        public Sealed withPdf(byte[] other) {
            return new Sealed(other, recordingDir, recording);
        }

        /** The segment files, in order. */
        public List<Path> segments() {
            return recording.segments().stream().map(s -> recordingDir.resolve(s.name())).toList();
        }
    }

    private SyncFixtures() {
    }

    /** Makes (once) a real sealed record with the headless demo and an institution key store. */
    public static synchronized void init() throws Exception {
        if (demo != null) {
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
        demo = sealedDemo(dir.resolve("demo"));
    }

    private static Sealed sealedDemo(Path out) throws Exception {
        HeadlessDemo.Outcome outcome = HeadlessDemo.run(out, keys);
        if (!outcome.report().ok()) {
            throw new IllegalStateException("the demo record does not verify:\n" + outcome.report().toText());
        }
        return new Sealed(Files.readAllBytes(outcome.sealed()), outcome.recordingDir(), outcome.recording());
    }

    /** The headless demo's sealed record and its real recording (session {@code DEMO-SESSION}). */
    public static Sealed demo() {
        return demo;
    }

    /** A second demo record, recorded separately under the same session id {@code DEMO-SESSION} (issue 16). */
    public static synchronized Sealed demo2() throws Exception {
        init();
        if (demo2 == null) {
            demo2 = sealedDemo(dir.resolve("demo-2"));
        }
        return demo2;
    }

    /** A record sealed over two random segments of 3,000,000 and 1,000,001 bytes (session {@code FIXTURE-MULTI}). */
    public static synchronized Sealed multi() throws Exception {
        init();
        if (multi == null) {
            Path rec = dir.resolve("multi-rec");
            randomFile(rec.resolve("segment-0001.mp4"), 3_000_000, 1);
            randomFile(rec.resolve("segment-0002.mp4"), 1_000_001, 2);
            multi = sealOver(dir.resolve("multi"), "FIXTURE-MULTI", rec,
                    List.of("segment-0001.mp4", "segment-0002.mp4"));
        }
        return multi;
    }

    /** A record sealed over one random 40 MiB segment (session {@code FIXTURE-BIG}). */
    public static synchronized Sealed big() throws Exception {
        init();
        if (big == null) {
            Path rec = dir.resolve("big-rec");
            randomFile(rec.resolve("segment-0001.mp4"), 40L << 20, 7);
            big = sealOver(dir.resolve("big"), "FIXTURE-BIG", rec, List.of("segment-0001.mp4"));
        }
        return big;
    }

    private static Sealed sealOver(Path out, String session, Path rec, List<String> names) throws Exception {
        HeadlessDemo.Outcome o = HeadlessDemo.sealOver(out, keys, session, rec, names);
        if (!o.report().ok()) {
            throw new IllegalStateException("the fixture record does not verify:\n" + o.report().toText());
        }
        return new Sealed(Files.readAllBytes(o.sealed()), o.recordingDir(), o.recording());
    }

    public static InstitutionKeyStore keys() {
        return keys;
    }

    public static byte[] sealedPdf() {
        return demo.pdf().clone();
    }

    /** The sealed record with one byte of page content changed: its signatures no longer hold. */
    public static byte[] tamperedPdf() {
        byte[] t = demo.pdf().clone();
        String s = new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = s.indexOf("stream", s.length() / 3) + 20;
        t[at] ^= 0x01;
        return t;
    }

    /**
     * Files a copy of {@code sealed} in {@code core} under a new record id, as sealing does
     * ({@code ArchiveService.fileSealed}: its recording taken from the fixture's folder, queued for sync).
     */
    public static String sealedRecord(CoreServices core, Path files, Sealed sealed) throws IOException {
        CaseFile c = core.cases().save("test", TestCore.validCase("同测字〔2026〕" + CASES.incrementAndGet() + "号"));
        RecordSummary r = core.records().createDraft("test", c, "INTERROGATION_RECORD", "讯问笔录");
        Path doc = Files.createDirectories(files).resolve(r.id() + ".pdf");
        Files.write(doc, sealed.pdf());
        org.tixun.core.recording.RecordFiling.of(core).fileSealed("test", r.id(), doc, Pki.sha256Hex(sealed.pdf()), sealed.recordingDir());
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
        return org.tixun.core.sync.SyncService.of(core);
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
