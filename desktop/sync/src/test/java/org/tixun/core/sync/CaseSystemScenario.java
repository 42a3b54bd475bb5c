// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.records.RecordStatus;

/**
 * Issue 16's delivery scenario against any implementation of {@code case-system-api.md}: four sealed records with
 * their recordings (two recorded under the same session id), delivered by the real outbox and worker through injected
 * faults (500, 429 with Retry-After, slow answers, a chunk only partly stored, the server killed with SIGKILL in the
 * middle of a 40 MiB upload and started again). In the end every record, document and segment is held exactly once
 * and hash-equal, the receipts match, and the outbox is all DONE.
 */
public final class CaseSystemScenario {
    /** The fault plan both servers run (the JSON of {@code src/test/python/case_system_server.py}). */
    public static final String FAULTS = """
            [
              {"method": "HEAD", "path": "recordings", "action": "status", "status": 500, "times": 1},
              {"method": "PUT", "path": "recordings", "action": "status", "status": 429, "retryAfter": "1",
               "skip": 2, "times": 1},
              {"method": "PUT", "path": "recordings", "action": "partial", "fraction": 0.4, "skip": 4, "times": 1},
              {"method": "PUT", "path": "document", "action": "delay", "seconds": 5, "when": "after", "times": 1},
              {"method": "PUT", "path": "records", "action": "status", "status": 503, "times": 1},
              {"method": "PUT", "path": "records", "action": "delay", "seconds": 5, "when": "after", "skip": 1,
               "times": 1},
              {"method": "PUT", "path": "recordings", "action": "delay", "seconds": 0.05, "times": -1}
            ]
            """;

    /** A server under test, in its own process. */
    public interface Server extends AutoCloseable {
        String baseUrl();

        /** Where the server keeps the part of an upload it holds so far (to kill it in the middle). */
        Path partial(String sha256);

        /** SIGKILL. */
        void kill() throws Exception;

        /** Starts it again on the same port and store, with the same fault plan from its beginning. */
        void restart() throws Exception;

        /** What it holds after the run (about these records and every recording). */
        Held held(java.util.Collection<String> recordIds) throws Exception;
    }

    /**
     * What a server holds.
     *
     * @param receipts record id → receipt JSON
     * @param manifests record id → registered manifest
     * @param documents record id → SHA-256 of the stored document, hashed again from the server's disk
     * @param segments recording SHA-256 → SHA-256 of the stored bytes, hashed again
     * @param created "records:id", "documents:id", "segments:sha" → how many times the server created it (201)
     */
    public record Held(Map<String, String> receipts, Map<String, JsonNode> manifests, Map<String, String> documents,
            Map<String, String> segments, Map<String, Integer> created) {
    }

    private CaseSystemScenario() {
    }

    /** Files the four records in a new store under {@code tmp}, delivers them through {@code server}, checks. */
    public static void deliverThroughFaults(Path tmp, Server server, boolean createdCountsAreDurable)
            throws Exception {
        List<SyncFixtures.Sealed> sealed = List.of(SyncFixtures.demo(), SyncFixtures.demo2(), SyncFixtures.multi(),
                SyncFixtures.big());
        assertThat(sealed.get(0).recording().sessionId()).isEqualTo(sealed.get(1).recording().sessionId());
        try (CoreServices core = TestCore.open(tmp.resolve("data"))) {
            Map<String, SyncFixtures.Sealed> byId = new LinkedHashMap<>();
            for (SyncFixtures.Sealed s : sealed) {
                byId.put(SyncFixtures.sealedRecord(core, tmp.resolve("docs"), s), s);
            }
            String bigSha = SyncFixtures.big().recording().segments().get(0).sha256();
            RestConnector rest = new RestConnector(RestConnector.Config.of(URI.create(server.baseUrl()))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)).withChunkBytes(1 << 20));
            long heldAtKill;
            try (SyncWorker worker = new SyncWorker(org.tixun.core.sync.SyncService.of(core), rest, 2,
                    new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5), Clock.systemUTC())) {
                worker.start();
                Path part = server.partial(bigSha);
                long deadline = System.currentTimeMillis() + 120_000;
                while (size(part) < (8L << 20)) {
                    assertThat(System.currentTimeMillis()).as("the 40 MiB upload reached 8 MiB").isLessThan(deadline);
                    Thread.sleep(5);
                }
                server.kill();
                heldAtKill = size(part);
                Thread.sleep(500);
                server.restart();
                assertThat(worker.awaitIdle(Duration.ofMinutes(3))).as("the outbox drained").isTrue();
            }
            assertThat(heldAtKill).as("killed in the middle of the upload").isBetween(8L << 20, (40L << 20) - 1);

            Held held = server.held(byId.keySet());
            Set<String> allSegments = new LinkedHashSet<>();
            for (Map.Entry<String, SyncFixtures.Sealed> e : byId.entrySet()) {
                String id = e.getKey();
                RecordingManifest rec = e.getValue().recording();
                SyncItem item = org.tixun.core.sync.SyncService.of(core).item(id).orElseThrow();
                assertThat(item.state()).as(id + " " + item.lastError()).isEqualTo(OutboxState.DONE);
                assertThat(core.records().find(id).orElseThrow().status()).isEqualTo(RecordStatus.SYNCED);
                // the receipt the workstation keeps is the one the server issued
                JsonNode kept = new ObjectMapper().readTree(item.receiptJson());
                JsonNode issued = new ObjectMapper().readTree(held.receipts().get(id));
                for (String f : List.of("recordId", "documentSha256", "receiptId", "receivedAt")) {
                    assertThat(kept.get(f)).as(f).isEqualTo(issued.get(f));
                }
                String docSha = Pki.sha256Hex(e.getValue().pdf());
                assertThat(held.documents().get(id)).as("document of " + id).isEqualTo(docSha);
                // the record is registered with every segment it sealed, in order, and the sealed chain head
                JsonNode m = held.manifests().get(id);
                List<String> registered = new ArrayList<>();
                m.get("recordings").forEach(r -> registered.add(r.get("sha256").asText()));
                assertThat(registered).isEqualTo(rec.segments().stream().map(RecordingManifest.Segment::sha256)
                        .toList());
                assertThat(m.get("recordingChainHead").asText()).isEqualTo(rec.chainHead());
                rec.segments().forEach(s -> allSegments.add(s.sha256()));
                assertCreatedOnce(held, "records:" + id, createdCountsAreDurable);
                assertCreatedOnce(held, "documents:" + id, createdCountsAreDurable);
            }
            assertThat(held.receipts().keySet()).containsExactlyInAnyOrderElementsOf(byId.keySet());
            assertThat(held.segments().keySet()).containsExactlyInAnyOrderElementsOf(allSegments);
            for (String sha : allSegments) {
                assertThat(held.segments().get(sha)).as("stored bytes of " + sha).isEqualTo(sha);
                assertCreatedOnce(held, "segments:" + sha, createdCountsAreDurable);
            }
            assertThat(held.created().values()).as("no duplicate effect").allMatch(n -> n <= 1);
        }
    }

    /**
     * Exactly once. A server that records its effects durably before answering has a count of one for each; one whose
     * count comes from answer lines may have missed the line of an answer cut by the kill (zero), never two.
     */
    private static void assertCreatedOnce(Held held, String key, boolean durable) {
        int n = held.created().getOrDefault(key, 0);
        if (durable) {
            assertThat(n).as("created " + key).isEqualTo(1);
        } else {
            assertThat(n).as("created " + key).isLessThanOrEqualTo(1);
        }
    }

    static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
