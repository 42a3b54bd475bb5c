// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.sync.CaseSystemScenario;
import org.tixun.core.sync.CaseSystemServers;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.RestConnector;
import org.tixun.core.sync.SyncFixtures;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.SyncWorker;

/** The gateway's registry on a real PostgreSQL server (Debian postgresql, installed by .ci/install-deps.sh). */
class GatewayPostgresTest {
    static PostgresCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> bin = PostgresCluster.findBin();
        if (bin.isEmpty() && System.getenv("CI") == null) {
            Assumptions.abort("PostgreSQL is not installed here: run .ci/install-deps.sh");
        }
        assertThat(bin).as("PostgreSQL server binaries (.ci/install-deps.sh installs Debian postgresql)").isPresent();
        SyncFixtures.init();
        SyncFixtures.demo2();
        SyncFixtures.multi();
        SyncFixtures.big();
        cluster = PostgresCluster.start(bin.get());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void deliversOnceIntoPostgresAcrossAGatewayRestart() throws Exception {
        try (CoreServices core = TestCore.open(tmp.resolve("data"))) {
            SyncService sync = SyncFixtures.sync(core);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo()));
            }
            GatewayServer.Config config = SyncFixtures.gatewayConfig(tmp.resolve("gw")).withJdbc(cluster.jdbcUrl());
            String firstReceipt;
            try (GatewayServer gateway = GatewayServer.start(config, List.of())) {
                assertThat(gateway.store().sqlite()).isFalse();
                RestConnector rest = new RestConnector(SyncFixtures.rest(gateway));
                try (SyncWorker w = new SyncWorker(sync, rest, 2, SyncFixtures.fastBackoff(), Clock.systemUTC())) {
                    assertThat(w.runOnce().delivered()).isEqualTo(3);
                }
                firstReceipt = gateway.store().record(ids.get(0)).orElseThrow().receiptJson();
                // a repeated delivery (lost receipt) is answered from PostgreSQL with the same receipt
                assertThat(rest.deliver(sync.prepare(ids.get(0))).toJson()).isEqualTo(firstReceipt);
            }
            try (GatewayServer restarted = GatewayServer.start(config, List.of())) {
                assertThat(restarted.store().recordCount()).isEqualTo(3);
                assertThat(restarted.store().record(ids.get(0)).orElseThrow().receiptJson()).isEqualTo(firstReceipt);
            }
            assertThat(sync.items()).allMatch(i -> i.state() == OutboxState.DONE);
        }
    }

    /** Issue 16's scenario (the independent server's, {@code IndependentCaseSystemTest}) on PostgreSQL. */
    @Test
    void fourRecordsWithTheirRecordingsArriveExactlyOnceThroughFaultsIntoPostgres() throws Exception {
        try (CaseSystemServers.Gateway server = new CaseSystemServers.Gateway(tmp.resolve("gateway/store"),
                cluster.jdbcUrl(), CaseSystemScenario.FAULTS)) {
            CaseSystemScenario.deliverThroughFaults(tmp, server, false);
        }
    }
}
