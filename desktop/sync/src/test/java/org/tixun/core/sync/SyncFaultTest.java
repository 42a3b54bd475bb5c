// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Certificates;
import org.tixun.core.records.RecordStatus;

/** Faults on real loopback sockets: in the end every record is delivered exactly once, every recording whole. */
class SyncFaultTest {
    @TempDir
    Path tmp;
    CoreServices core;
    SyncService sync;
    GatewayServer gateway;
    final AtomicInteger registered = new AtomicInteger();

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @BeforeEach
    void open() {
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        core.close();
    }

    /** Counts 201 answers to manifest registrations: exactly one per record means exactly-once effect. */
    private Filter countRegistrations() {
        return filter((ex, chain) -> {
            chain.doFilter(ex);
            if ("PUT".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().matches("/api/v1/records/[^/]+")
                    && ex.getResponseCode() == 201) {
                registered.incrementAndGet();
            }
        });
    }

    interface FilterBody {
        void apply(HttpExchange ex, Filter.Chain chain) throws IOException;
    }

    static Filter filter(FilterBody body) {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                body.apply(ex, chain);
            }

            @Override
            public String description() {
                return "fault";
            }
        };
    }

    /** Answers {@code status} instead of the gateway to the first {@code times} requests matching {@code which}. */
    static Filter failFirst(int times, int status, String retryAfter, Predicate<HttpExchange> which) {
        AtomicInteger left = new AtomicInteger(times);
        return filter((ex, chain) -> {
            if (which.test(ex) && left.getAndDecrement() > 0) {
                try (InputStream in = ex.getRequestBody()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (retryAfter != null) {
                    ex.getResponseHeaders().set("Retry-After", retryAfter);
                }
                byte[] words = ("{\"error\":\"injected " + status + "\"}").getBytes();
                if ("HEAD".equals(ex.getRequestMethod())) {
                    ex.sendResponseHeaders(status, -1);
                } else {
                    ex.sendResponseHeaders(status, words.length);
                    ex.getResponseBody().write(words);
                }
                ex.close();
                return;
            }
            chain.doFilter(ex);
        });
    }

    /** {@code n} copies of a sealed record (each with the recording it sealed) filed and queued. */
    private List<String> records(int n, SyncFixtures.Sealed sealed) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(SyncFixtures.sealedRecord(core, tmp.resolve("docs"), sealed));
        }
        return ids;
    }

    private void assertDeliveredExactlyOnce(List<String> ids, List<Path> recordings) throws IOException {
        for (String id : ids) {
            SyncItem item = sync.item(id).orElseThrow();
            assertThat(item.state()).as(id + " " + item.lastError()).isEqualTo(OutboxState.DONE);
            assertThat(item.receiptJson()).isEqualTo(gateway.store().record(id).orElseThrow().receiptJson());
            assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SYNCED);
        }
        assertThat(gateway.store().recordCount()).isEqualTo(ids.size());
        assertThat(registered.get()).isEqualTo(ids.size());
        for (Path r : recordings) {
            String sha = SyncService.sha256(r);
            assertThat(SyncService.sha256(gateway.recordingPath(sha))).isEqualTo(sha);
        }
    }

    private void deliverInBackground(RestConnector rest) throws InterruptedException {
        try (SyncWorker worker = new SyncWorker(sync, rest, 2, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            worker.start();
            assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
    }

    @Test
    void injectedServerErrorsAreRetriedUntilDeliveredOnce() throws Exception {
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")),
                List.of(countRegistrations(), failFirst(7, 500, null, ex -> true)));
        List<Path> recs = SyncFixtures.multi().segments();
        List<String> ids = records(3, SyncFixtures.multi());

        deliverInBackground(new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20)));

        assertDeliveredExactlyOnce(ids, recs);
        assertThat(ids.stream().mapToInt(id -> sync.item(id).orElseThrow().attempts()).sum()).isGreaterThan(3);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")),
                List.of(countRegistrations(), failFirst(1, 429, "2", ex -> "PUT".equals(ex.getRequestMethod()))));
        List<String> ids = records(1, SyncFixtures.demo());
        RestConnector rest = new RestConnector(SyncFixtures.rest(gateway));
        Instant before = Instant.now();
        try (SyncWorker w = new SyncWorker(sync, rest, 1, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            assertThat(w.runOnce().retryLater()).isEqualTo(1);
        }
        SyncItem waiting = sync.item(ids.get(0)).orElseThrow();
        assertThat(waiting.lastStatus()).isEqualTo(429);
        assertThat(waiting.lastError()).contains("injected 429");
        // the fast test back-off would say 50 ms; the server asked for 2 s
        assertThat(Duration.between(before, waiting.nextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        deliverInBackground(rest);

        assertThat(Duration.between(before, sync.item(ids.get(0)).orElseThrow().syncedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertDeliveredExactlyOnce(ids, List.of());
    }

    @Test
    void slowAnswersTimeOutAndTheRetryFindsTheWorkDone() throws Exception {
        AtomicInteger slow = new AtomicInteger(4);
        // the gateway does the work, then answers too late for the client's 1 s time-out
        Filter late = filter((ex, chain) -> {
            boolean delay = "PUT".equals(ex.getRequestMethod()) && slow.getAndDecrement() > 0;
            chain.doFilter(ex);
            if (delay) {
                sleep(1500);
            }
        });
        Filter lateHeaders = filter((ex, chain) -> {
            if ("PUT".equals(ex.getRequestMethod()) && slow.get() > 0) {
                sleep(1200);
            }
            chain.doFilter(ex);
        });
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")),
                List.of(countRegistrations(), lateHeaders, late));
        List<String> ids = records(2, SyncFixtures.demo());

        deliverInBackground(new RestConnector(SyncFixtures.rest(gateway)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))));

        assertDeliveredExactlyOnce(ids, List.of());
        assertThat(sync.items()).anyMatch(i -> i.attempts() > 1);
    }

    @Test
    void gatewayKilledMidUploadResumesAfterRestart() throws Exception {
        int port = ChildJvm.freePort();
        Path store = tmp.resolve("gw");
        Path root = tmp.resolve("root.pem");
        Certificates.writePem(root, SyncFixtures.keys().rootCertificate());
        Path big = SyncFixtures.big().segments().get(0);
        String sha = SyncService.sha256(big);
        List<String> ids = records(1, SyncFixtures.big());
        RestConnector rest = new RestConnector(RestConnector.Config.of(URI.create("http://127.0.0.1:" + port + "/"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5)).withChunkBytes(1 << 20));
        Path part = store.resolve("recordings").resolve(sha + ".part");
        long heldAtKill;
        try (SyncWorker worker = new SyncWorker(sync, rest, 1, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            try (ChildJvm first = ChildJvm.start(GatewayProcessMain.class, Integer.toString(port), store.toString(),
                    root.toString(), "40")) {
                first.await("READY", 30_000);
                worker.start();
                waitFor(() -> Files.exists(part) && size(part) >= (8L << 20), 30_000);
                first.kill();
                heldAtKill = size(part);
            }
            assertThat(heldAtKill).isLessThan(40L << 20);
            Thread.sleep(500);
            try (ChildJvm second = ChildJvm.start(GatewayProcessMain.class, Integer.toString(port), store.toString(),
                    root.toString(), "0")) {
                second.await("READY", 30_000);
                assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
                long firstAfterRestart = Long.parseLong(second.await("CHUNK", 1000).substring(6));
                assertThat(firstAfterRestart).as("resumed, not restarted from 0").isEqualTo(heldAtKill);
            }
        }
        SyncItem item = sync.item(ids.get(0)).orElseThrow();
        assertThat(item.state()).isEqualTo(OutboxState.DONE);
        assertThat(SyncService.sha256(store.resolve("recordings").resolve(sha))).isEqualTo(sha);
    }

    @Test
    void clientKilledWhileSendingDeliversOnceAfterRestart() throws Exception {
        Filter throttle = filter((ex, chain) -> {
            if (ex.getRequestHeaders().containsKey("Content-Range")) {
                sleep(40);
            }
            chain.doFilter(ex);
        });
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")),
                List.of(countRegistrations(), throttle));
        Path big = SyncFixtures.big().segments().get(0);
        List<String> ids = records(1, SyncFixtures.big());
        Path part = gateway.recordingPath(SyncService.sha256(big)).resolveSibling(SyncService.sha256(big) + ".part");
        core.close();
        try (ChildJvm client = ChildJvm.start(SyncClientMain.class, tmp.resolve("data").toString(), gateway.baseUrl(),
                Integer.toString(1 << 20))) {
            client.await("SENDING", 30_000);
            waitFor(() -> Files.exists(part) && size(part) >= (5L << 20), 30_000);
            client.kill();
        }
        core = TestCore.open(tmp.resolve("data"));
        sync = SyncFixtures.sync(core);
        assertThat(sync.item(ids.get(0)).orElseThrow().state()).isEqualTo(OutboxState.IN_PROGRESS);

        try (SyncWorker w = new SyncWorker(sync, new RestConnector(SyncFixtures.rest(gateway).withChunkBytes(1 << 20)),
                1, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            assertThat(w.runOnce().delivered()).isEqualTo(1);
        }
        assertDeliveredExactlyOnce(ids, List.of(big));
    }

    @Test
    void fullDiskOnTheClientLeavesNoHalfRecordAndRetries() throws Exception {
        Path drop = tmp.resolve("drop");
        AtomicInteger failures = new AtomicInteger(2);
        FolderDropConnector.FileWriter diskFillsUp = (source, target) -> {
            if (failures.getAndDecrement() > 0) {
                byte[] half = Files.readAllBytes(source);
                Files.write(target, java.util.Arrays.copyOf(half, half.length / 2));
                throw new IOException("No space left on device");
            }
            Files.copy(source, target);
        };
        Path rec = SyncFixtures.multi().segments().get(0);
        List<String> ids = records(1, SyncFixtures.multi());
        String id = ids.get(0);
        FolderDropConnector connector = new FolderDropConnector(drop, Clock.systemUTC(), diskFillsUp);
        try (SyncWorker w = new SyncWorker(sync, connector, 1, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
            assertThat(w.runOnce().retryLater()).isEqualTo(1);
            assertThat(sync.item(id).orElseThrow().lastError()).contains("No space left on device");
            assertThat(drop.resolve(id)).doesNotExist();
            Thread.sleep(60);
            assertThat(w.runOnce().retryLater()).isEqualTo(1);
            assertThat(drop.resolve(id)).doesNotExist();
            Thread.sleep(120);
            assertThat(w.runOnce().delivered()).isEqualTo(1);
        }
        Path folder = drop.resolve(id);
        assertThat(folder.resolve(FolderDropConnector.READY)).exists();
        assertThat(SyncService.sha256(folder.resolve("record.pdf")))
                .isEqualTo(core.records().sealedDocument(id).orElseThrow().sha256());
        assertThat(SyncService.sha256(folder.resolve("recordings").resolve(SyncService.sha256(rec) + ".mp4")))
                .isEqualTo(SyncService.sha256(rec));
        assertThat(Files.readString(folder.resolve("manifest.json"))).isEqualTo(sync.manifest(id));
        try (var leftovers = Files.list(drop)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly(id);
        }
    }

    interface Check {
        boolean ok() throws IOException;
    }

    private static void waitFor(Check check, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not reached in " + timeoutMillis + " ms");
            }
            Thread.sleep(5);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
