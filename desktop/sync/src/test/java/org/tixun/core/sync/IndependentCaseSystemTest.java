// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation against a case system written independently of it, from {@code case-system-api.md} alone
 * ({@code src/test/python/case_system_server.py}, Python standard library), and against the reference gateway on
 * SQLite, with the same faults (the PostgreSQL run is in {@code GatewayPostgresTest}).
 */
class IndependentCaseSystemTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
        SyncFixtures.demo2();
        SyncFixtures.multi();
        SyncFixtures.big();
    }

    @Test
    void fourRecordsWithTheirRecordingsArriveExactlyOnceAtAnIndependentServerThroughFaults() throws Exception {
        CaseSystemServers.python();
        try (CaseSystemServers.Python server = new CaseSystemServers.Python(tmp.resolve("server/store"),
                CaseSystemScenario.FAULTS)) {
            CaseSystemScenario.deliverThroughFaults(tmp, server, true);

            JsonNode report = server.report();
            Files.writeString(tmp.resolve("report.json"), report.toPrettyString());
            System.out.println("Independent server's report after the fault run: records "
                    + report.get("records").size() + ", documents " + report.get("documents").size() + ", segments "
                    + report.get("segments").size() + ", partial " + report.get("partial").size() + ", duplicates "
                    + report.get("duplicates") + ", faults " + report.get("faults"));
            assertThat(report.get("records")).hasSize(4);
            assertThat(report.get("documents")).hasSize(4);
            // every distinct sealed segment of the four records once (how many the demo's recordings have depends on
            // how fast the machine recorded them; demo and demo2 share their session's segments)
            long sealedSegments = java.util.stream.Stream.of(SyncFixtures.demo(), SyncFixtures.demo2(),
                    SyncFixtures.multi(), SyncFixtures.big()).flatMap(f -> f.recording().segments().stream())
                    .map(org.tixun.core.recording.RecordingManifest.Segment::sha256).distinct().count();
            assertThat(report.get("segments")).hasSize((int) sealedSegments);
            assertThat(report.get("partial")).isEmpty();
            for (String kind : new String[] {"records", "documents", "segments"}) {
                assertThat(report.get("duplicates").get(kind).asInt()).as("duplicate " + kind).isZero();
            }
            // every kind of fault of the plan really happened
            assertThat(report.get("faults").has("status 500")).isTrue();
            assertThat(report.get("faults").has("status 429")).isTrue();
            assertThat(report.get("faults").has("status 503")).isTrue();
            assertThat(report.get("faults").has("partial")).isTrue();
            assertThat(report.get("faults").get("delay").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSameScenarioAgainstTheReferenceGatewayOnSqlite() throws Exception {
        try (CaseSystemServers.Gateway server = new CaseSystemServers.Gateway(tmp.resolve("gateway/store"), null,
                CaseSystemScenario.FAULTS)) {
            CaseSystemScenario.deliverThroughFaults(tmp, server, false);
        }
    }
}
