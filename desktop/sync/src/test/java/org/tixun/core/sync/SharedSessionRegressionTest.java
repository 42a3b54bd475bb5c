// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingManifest;

/**
 * Issue 16: two records made by {@code tixun demo --headless} share the session id {@code DEMO-SESSION}. The first
 * was registered with {@code "recordings": []}, the second sent the first one's segment bytes under its own hash and
 * was refused ({@code 422}). On the code before the fix (filing through {@code RecordingLedger.attach}, recordings
 * looked up in {@code recording_segment}) this test fails with exactly that: "Expected size: 3 but was: 0" for the
 * first record, and the log shows the second refused with {@code 422 ... does not have SHA-256}.
 */
class SharedSessionRegressionTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    /** Files a sealed demo record the way {@code tixun demo --headless} does. */
    private static String file(CoreServices core, SyncFixtures.Sealed outcome) throws Exception {
        var demoCase = core.cases().save("demo", TestCore.validCase("演示〔2026〕" + System.nanoTime() + "号"));
        var record = core.records().createDraft("demo", demoCase, "INTERROGATION_RECORD", "讯问笔录（演示签章）");
        Path pdf = Files.write(Files.createDirectories(core.dataDir().root().resolve("demo-out")).resolve(record.id()
                + ".pdf"), outcome.pdf());
        org.tixun.core.recording.RecordFiling.of(core).fileSealed("demo", record.id(), pdf, Pki.sha256Hex(outcome.pdf()), outcome.recordingDir());
        return record.id();
    }

    @Test
    void twoRecordsSharingASessionIdEachArriveWithTheRecordingTheySealed() throws Exception {
        SyncFixtures.Sealed first = SyncFixtures.demo();
        SyncFixtures.Sealed second = SyncFixtures.demo2();
        assertThat(first.recording().sessionId()).isEqualTo(second.recording().sessionId());
        assertThat(first.recording().segments().get(0).sha256())
                .isNotEqualTo(second.recording().segments().get(0).sha256());

        try (CoreServices core = TestCore.open(tmp.resolve("data"));
                GatewayServer gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp.resolve("gw")), List.of())) {
            String a = file(core, first);
            String b = file(core, second);
            try (SyncWorker w = new SyncWorker(org.tixun.core.sync.SyncService.of(core), new RestConnector(SyncFixtures.rest(gateway)), 2,
                    SyncFixtures.fastBackoff(), Clock.systemUTC())) {
                w.runOnce();
            }
            ObjectMapper json = new ObjectMapper();
            for (var pair : List.of(java.util.Map.entry(a, first.recording()), java.util.Map.entry(b,
                    second.recording()))) {
                String id = pair.getKey();
                RecordingManifest sealed = pair.getValue();
                SyncItem item = org.tixun.core.sync.SyncService.of(core).item(id).orElseThrow();
                assertThat(item.state()).as(id + ": " + item.lastError()).isEqualTo(OutboxState.DONE);
                JsonNode registered = json.readTree(gateway.store().record(id).orElseThrow().manifestJson());
                assertThat(registered.get("recordings")).hasSize(sealed.segments().size());
                for (int i = 0; i < sealed.segments().size(); i++) {
                    RecordingManifest.Segment s = sealed.segments().get(i);
                    JsonNode r = registered.get("recordings").get(i);
                    assertThat(r.get("sha256").asText()).isEqualTo(s.sha256());
                    assertThat(r.get("size").asLong()).isEqualTo(s.size());
                    assertThat(SyncService.sha256(gateway.recordingPath(s.sha256()))).isEqualTo(s.sha256());
                }
                assertThat(registered.get("recordingChainHead").asText()).isEqualTo(sealed.chainHead());
            }
        }
    }
}
