// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.config.DataDir;
import org.tixun.core.gateway.GatewayServer;

/**
 * The case system away for an hour: every attempt meets a closed port (real connection refusals on loopback), the
 * back-off grows to its cap and stays there, the clerk sees why the record waits and when it is tried next, and once
 * the server is back the record goes out exactly once. The hour passes on a test clock the store and the worker share;
 * the refusals, the store and the delivery are real.
 */
class ServerAwayTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void anHourWithoutTheServerBacksOffToTheCapSaysWhyAndDeliversOnceItIsBack() throws Exception {
        TestClock clock = new TestClock();
        int port = ChildJvm.freePort();
        try (CoreServices core = CoreServices.open(DataDir.at(tmp.resolve("data")), clock, TestCore.FAST_HASHER)) {
            SyncService sync = org.tixun.core.sync.SyncService.of(core);
            String id = SyncFixtures.sealedRecord(core, tmp.resolve("docs"), SyncFixtures.demo());
            // not configured and never tried: the clerk is told there is no destination
            assertThat(sync.reason(sync.item(id).orElseThrow(), false).code()).isEqualTo(WaitReason.Code.NO_DESTINATION);
            assertThat(sync.reason(sync.item(id).orElseThrow(), false).zh()).contains("目的地未设置");

            Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 1.0);
            RestConnector rest = new RestConnector(RestConnector.Config.of(URI.create("http://127.0.0.1:" + port + "/"))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
            Instant start = clock.instant();
            List<Duration> waits = new ArrayList<>();
            try (SyncWorker worker = new SyncWorker(sync, rest, 1, backoff, clock)) {
                while (true) {
                    assertThat(worker.runOnce().retryLater()).isEqualTo(1);
                    SyncItem item = sync.item(id).orElseThrow();
                    assertThat(item.state()).isEqualTo(OutboxState.PENDING);
                    waits.add(Duration.between(clock.instant(), item.nextAttemptAt()));
                    WaitReason why = sync.reason(item, true);
                    assertThat(why.code()).isEqualTo(WaitReason.Code.RETRY_WAIT);
                    assertThat(why.zh()).contains("等待重试", "cannot reach", item.nextAttemptAt().toString());
                    assertThat(why.nextAttemptAt()).isEqualTo(item.nextAttemptAt());
                    if (Duration.between(start, item.nextAttemptAt()).compareTo(Duration.ofHours(1)) >= 0) {
                        break; // an hour has passed: the server comes back before the next attempt
                    }
                    clock.set(item.nextAttemptAt());
                }
                // exponential at first, then never more than the cap
                assertThat(waits.get(1)).isGreaterThan(waits.get(0));
                assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMinutes(5)));
                assertThat(waits.subList(waits.size() - 5, waits.size())).allSatisfy(w ->
                        assertThat(w).isEqualTo(Duration.ofMinutes(5)));
                int attempts = sync.item(id).orElseThrow().attempts();
                assertThat(attempts).isEqualTo(waits.size()).isBetween(10, 30);

                // the server is back: the next attempt, at most the cap later, delivers it once
                try (GatewayServer gateway = GatewayServer.start(GatewayServer.Config.plain(
                        new InetSocketAddress("127.0.0.1", port), tmp.resolve("gw"),
                        List.of(SyncFixtures.keys().rootCertificate())), List.of())) {
                    assertThat(worker.runOnce().delivered()).as("not due before its time").isZero();
                    clock.set(sync.item(id).orElseThrow().nextAttemptAt());
                    assertThat(worker.runOnce().delivered()).isEqualTo(1);
                    assertThat(gateway.store().recordCount()).isEqualTo(1);
                    assertThat(worker.runOnce().delivered()).isZero();
                }
            }
            SyncItem done = sync.item(id).orElseThrow();
            assertThat(done.state()).isEqualTo(OutboxState.DONE);
            assertThat(sync.reason(done, true).code()).isEqualTo(WaitReason.Code.DELIVERED);
        }
    }
}
