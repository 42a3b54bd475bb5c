// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import org.tixun.sim.TestPattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.store.Database;

/** DOMAIN.md rule 3: a recorder killed with SIGKILL loses at most the segment being written. */
class RecordingCrashTest {
    @Test
    void killedRecorderIsRecoveredWithTheGapLogged(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("session");
        Files.createDirectories(dir);
        Process child = new ProcessBuilder(org.tixun.core.ChildJvms.command(RecordingChildMain.class,
                dir.toString())).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            // Two segments closed and the third one past its first fragments, then SIGKILL.
            while (true) {
                assertThat(child.isAlive()).as("child recorder alive; see child.log").isTrue();
                RecordingLog.State s = Files.exists(dir.resolve(RecordingLog.FILE_NAME)) ? RecordingLog.read(dir) : null;
                if (s != null && s.closed().size() >= 2 && s.open() != null
                        && Files.exists(dir.resolve(s.open().name()))
                        && Files.size(dir.resolve(s.open().name())) > 20_000) {
                    break;
                }
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        RecordingLog.State crashed = RecordingLog.read(dir);
        assertThat(crashed.open()).isNotNull();
        String openName = crashed.open().name();

        try (Database db = Database.open(tmp.resolve("tixun.db"))) {
            AuditLog audit = new AuditLog(db, tmp.resolve("audit-head"), Clock.systemUTC());
            SessionRecorder r = SessionRecorder.start(dir, "CRASH", null, "tester", SessionRecorderTest.small(),
                    new RecordingLedger(db, audit, "tester"), Clock.systemUTC());
            try (TestPattern p = TestPattern.start(r, 320, 240, 25, true, Clock.systemUTC())) {
                RecorderTesting.awaitSegments(r, crashed.closed().size() + 2);
            }
            RecordingManifest m = r.finish("tester");

            RecordingManifest.Segment recovered = m.segments().stream().filter(s -> s.name().equals(openName))
                    .findFirst().orElseThrow();
            assertThat(recovered.status()).isEqualTo(SegmentStatus.INTERRUPTED);
            assertThat(recovered.end()).isAfter(recovered.start());
            RecordingManifest.Event gap = m.gaps().get(0);
            assertThat(gap.reason()).isEqualTo(RecordingRecovery.CRASH_REASON);
            assertThat(gap.from()).isEqualTo(recovered.end());
            assertThat(gap.to()).isAfter(gap.from());
            assertThat(m.segments().get(m.segments().size() - 1).start()).isAfterOrEqualTo(gap.to());

            RecordingVerifier.Report report = new RecordingVerifier().verify(dir, null);
            assertThat(report.ok()).as(report.toText()).isTrue();
            for (RecordingVerifier.SegmentCheck c : report.segments()) {
                if (c.segment().index() < recovered.index()) {
                    // Complete before the crash: decodes fully (fewer than 50 frames only if the loaded child skipped).
                    assertThat(c.segment().status()).isEqualTo(SegmentStatus.COMPLETE);
                    assertThat(c.frames()).isBetween(1L, 50L);
                    assertThat(c.status()).isEqualTo(RecordingVerifier.Status.OK);
                }
            }
            List<AuditEntry> entries = audit.entriesFor("CRASH");
            assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.RECORDING_GAP.name(),
                    AuditAction.RECORDING_SEGMENT_CLOSED.name(), AuditAction.RECORDING_CLOSED.name());
            assertThat(entries.stream().filter(e -> e.action().equals(AuditAction.RECORDING_GAP.name())).findFirst().orElseThrow()
                    .details()).contains(RecordingRecovery.CRASH_REASON).contains(gap.from().toString());
            int rows = db.withConnection(c -> {
                try (var ps = c.prepareStatement("SELECT count(*) FROM recording_segment WHERE session_id = 'CRASH' "
                        + "AND status = 'INTERRUPTED' AND sha256 = ?")) {
                    ps.setString(1, recovered.sha256());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
            assertThat(rows).isEqualTo(1);
        }
        assertThat(new File(dir.toFile(), RecordingManifest.FILE_NAME)).exists();
    }
}
