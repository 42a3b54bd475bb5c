// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.SealedRecordings;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.SyncFixtures;
import org.tixun.core.sync.SyncProblem;

/**
 * A store written by a version before schema 5, in the state issue 16 left it: two demo records of one session, the
 * first delivered with {@code "recordings": []}, the second refused; the ledger rows of the session pointing at the
 * first run's folder with the second run's hashes. Opening it migrates without losing a row and files each record's
 * recording from its sealed PDF, with the bytes that belong to it.
 */
class RecordRecordingMigrationTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
        SyncFixtures.demo2();
    }

    /** A database at schema version 4, made with the scripts of that version (as Tixun before V5 left it). */
    private static Connection version4(Path file) throws SQLException, IOException {
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:org/tixun/core/db").target("4").load().migrate();
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 4");
        }
        return c;
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A session folder as an earlier workstation left it: the sealed PDF with its recording beside it. */
    private Path sessionFolder(String name, SyncFixtures.Sealed sealed) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sessions").resolve(name));
        Files.write(dir.resolve("sealed.pdf"), sealed.pdf());
        Path rec = Files.createDirectories(dir.resolve("recording"));
        for (Path seg : sealed.segments()) {
            Files.copy(seg, rec.resolve(seg.getFileName()));
        }
        return dir;
    }

    @Test
    void anOldStoreIsMigratedWithoutLosingRowsAndEachRecordGetsTheRecordingItSealed() throws Exception {
        SyncFixtures.Sealed first = SyncFixtures.demo();
        SyncFixtures.Sealed second = SyncFixtures.demo2();
        Path a = sessionFolder("a", first);
        Path b = sessionFolder("b", second);
        String idA = UUID.randomUUID().toString();
        String idB = UUID.randomUUID().toString();
        Path data = Files.createDirectories(tmp.resolve("data"));
        long segmentRows;
        try (Connection c = version4(data.resolve("tixun.db"))) {
            String now = "2026-11-22T10:30:00Z";
            exec(c, "INSERT INTO case_file(id, case_number, cause_of_action, created_at, updated_at) "
                    + "VALUES ('c1', '演示〔2026〕1号', '盗窃', ?, ?)", now, now);
            exec(c, "INSERT INTO record(id, case_id, kind, title, status, created_at, updated_at) VALUES "
                    + "(?, 'c1', 'INTERROGATION_RECORD', '讯问笔录', 'SYNCED', ?, ?)", idA, now, now);
            exec(c, "INSERT INTO record(id, case_id, kind, title, status, created_at, updated_at) VALUES "
                    + "(?, 'c1', 'INTERROGATION_RECORD', '讯问笔录', 'FAILED', ?, ?)", idB, now, now);
            exec(c, "INSERT INTO record_revision(record_id, revision, content_json, content_sha256, document_path, "
                    + "sealed_at) VALUES (?, 0, '{}', ?, ?, ?)", idA, Pki.sha256Hex(first.pdf()),
                    a.resolve("sealed.pdf").toString(), now);
            exec(c, "INSERT INTO record_revision(record_id, revision, content_json, content_sha256, document_path, "
                    + "sealed_at) VALUES (?, 0, '{}', ?, ?, ?)", idB, Pki.sha256Hex(second.pdf()),
                    b.resolve("sealed.pdf").toString(), now);
            // the session's rows as the old attach left them: record B's id and hashes, record A's folder
            for (RecordingManifest.Segment s : second.recording().segments()) {
                exec(c, "INSERT INTO recording_segment(id, record_id, session_id, segment, path, sha256, size_bytes, "
                        + "started_at, ended_at, status, chain_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        UUID.randomUUID().toString(), idB, "DEMO-SESSION", s.index(),
                        a.resolve("recording").resolve(s.name()).toString(), s.sha256(), s.size(),
                        s.start().toString(), s.end().toString(), s.status().name(), s.chain());
            }
            exec(c, "INSERT INTO outbox_item(record_id, item_kind, state, attempts, next_attempt_at, receipt_json, "
                    + "created_at, updated_at, manifest_json) VALUES (?, 'RECORD', 'DONE', 1, ?, ?, ?, ?, ?)", idA, now,
                    "{\"recordId\":\"" + idA + "\"}", now, now, "{\"recordId\":\"" + idA
                            + "\",\"recordings\":[],\"recordingChainHead\":null}");
            exec(c, "INSERT INTO outbox_item(record_id, item_kind, state, attempts, next_attempt_at, last_error, "
                    + "last_status, created_at, updated_at, manifest_json) VALUES (?, 'RECORD', 'FAILED', 1, ?, ?, 422, "
                    + "?, ?, ?)", idB, now, "PUT recording …: HTTP 422 hash mismatch", now, now,
                    "{\"recordId\":\"" + idB + "\",\"recordings\":[{\"sha256\":\"x\"}]}");
            exec(c, "INSERT INTO app_setting(key, value) VALUES ('demo', 'true')");
            segmentRows = count(c, "recording_segment");
        }
        // the first run's folder has since been recorded into again (the old demo deleted and re-recorded)
        for (Path seg : second.segments()) {
            Files.copy(seg, a.resolve("recording").resolve(seg.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        try (CoreServices core = TestCore.open(data)) {
            assertThat(core.database().schemaVersion()).isEqualTo(Database.latestVersion());
            core.database().withConnection(c -> {
                assertThat(count(c, "recording_segment")).isEqualTo(segmentRows);
                assertThat(count(c, "record")).isEqualTo(2);
                assertThat(count(c, "outbox_item")).isEqualTo(2);
                assertThat(count(c, "app_setting")).isEqualTo(1);
                return null;
            });
            // B: its sealed recording found (in its own folder, and in A's folder where the ledger pointed), hash-checked
            SealedRecordings.Recording recB = org.tixun.core.recording.SealedRecordings.of(core).find(idB).orElseThrow();
            assertThat(recB.source()).isEqualTo(SealedRecordings.Source.BACKFILLED);
            assertThat(recB.chainHead()).isEqualTo(second.recording().chainHead());
            assertThat(recB.problems()).isEmpty();
            for (SealedRecordings.Segment s : recB.segments()) {
                assertThat(SealedRecordingsHash.of(s.path())).isEqualTo(s.sealed().sha256());
            }
            // A: the ledger pointed at bytes that are no longer its own; its own folder's copy was overwritten too,
            // so what is found is reported, never filed as A's
            SealedRecordings.Recording recA = org.tixun.core.recording.SealedRecordings.of(core).find(idA).orElseThrow();
            assertThat(recA.chainHead()).isEqualTo(first.recording().chainHead());
            assertThat(recA.segments()).hasSize(first.recording().segments().size());
            assertThat(recA.problems()).isNotEmpty().allSatisfy(p ->
                    assertThat(p.problem()).isEqualTo(SealedRecordings.Problem.MISMATCH));
            // delivered before: flagged, the clerk sees it went without its recording
            var itemA = org.tixun.core.sync.SyncService.of(core).item(idA).orElseThrow();
            assertThat(itemA.state()).isEqualTo(OutboxState.DONE);
            assertThat(itemA.problem()).isEqualTo(SyncProblem.REGISTERED_WITHOUT_RECORDING);
            // not delivered: its manifest will be built again from the sealed recording
            String manifestB = org.tixun.core.sync.SyncService.of(core).manifest(idB);
            assertThat(manifestB).contains(second.recording().chainHead());
            for (RecordingManifest.Segment s : second.recording().segments()) {
                assertThat(manifestB).contains(s.sha256());
            }
            assertThat(core.audit().entriesFor(idA)).extracting(e -> e.action()).contains("RECORDING_FILED",
                    "RECORDING_MISMATCH", "SYNC_FAILED");

            // opening again changes nothing
            long audit = core.audit().entries().size();
            try (CoreServices again = TestCore.open(tmp.resolve("other"))) {
                assertThat(org.tixun.core.recording.SealedRecordings.of(again).backfill()).isEmpty();
            }
            assertThat(org.tixun.core.recording.SealedRecordings.of(core).backfill()).isEmpty();
            assertThat(core.audit().entries()).hasSize((int) audit);
        }
    }

    /** Streams a file's SHA-256. */
    static final class SealedRecordingsHash {
        static String of(Path file) throws IOException {
            return org.tixun.core.sync.SyncService.sha256(file);
        }
    }
}
