// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.TixunException;

/**
 * Flyway takes over an installation's database: {@code legacy-v4/tixun.db} was written by Tixun before Flyway (schema
 * version 4 in {@code user_version}, made by {@code tixun demo --headless}: users, cases, records, a sealed record in
 * the outbox, recording segments, a hash-chained audit log with its anchor).
 */
class MigrationTest {
    private static final List<String> TABLES = List.of("app_user", "case_file", "participant", "record",
            "record_revision", "signature_event", "recording_segment", "outbox_item", "audit_entry", "app_setting");

    @TempDir
    Path dir;

    private void copyFixture() throws Exception {
        for (String name : List.of("tixun.db", "audit-head")) {
            try (InputStream in = MigrationTest.class.getResourceAsStream("legacy-v4/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private static Map<String, Long> counts(Path file) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static List<String> history(Path file) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        return out;
    }

    @Test
    void anInstallationFromBeforeFlywayMigratesWithoutLosingARow() throws Exception {
        copyFixture();
        Path db = dir.resolve("tixun.db");
        Map<String, Long> before = counts(db);
        assertThat(before.get("record")).isPositive();
        assertThat(before.get("audit_entry")).isPositive();
        try (CoreServices core = TestCore.open(dir)) {
            assertThat(core.database().schemaVersion()).isEqualTo(Database.latestVersion());
            assertThat(core.audit().verify().intact()).as("the audit chain after migration").isTrue();
            assertThat(core.users().list()).isNotEmpty();
        }
        assertThat(counts(db)).isEqualTo(before);
        List<String> history = history(db);
        assertThat(history.get(0)).isEqualTo("4 BASELINE 1");
        // every later script ran once and succeeded
        assertThat(history).hasSize(1 + Database.latestVersion() - 4).allMatch(h -> h.endsWith(" 1"));
    }

    @Test
    void reopeningAMigratedStoreRunsNothingAgain() throws Exception {
        copyFixture();
        Path db = dir.resolve("tixun.db");
        try (CoreServices core = TestCore.open(dir)) {
            core.settings().put("probe", "1");
        }
        List<String> history = history(db);
        try (CoreServices core = TestCore.open(dir)) {
            assertThat(core.settings().get("probe")).contains("1");
        }
        assertThat(history(db)).isEqualTo(history);
    }

    @Test
    void aNewStoreRunsEveryScriptFromTheStart() throws Exception {
        try (Database db = Database.open(dir.resolve("new.db"))) {
            assertThat(db.schemaVersion()).isEqualTo(Database.latestVersion());
        }
        List<String> history = history(dir.resolve("new.db"));
        assertThat(history).hasSize(Database.latestVersion());
        assertThat(history.get(0)).isEqualTo("1 SQL 1");
    }

    @Test
    void aStoreANewerTixunMigratedIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file)) {
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO flyway_schema_history(installed_rank, version, description, type, script,"
                            + " checksum, installed_by, installed_on, execution_time, success) SELECT 99, '99',"
                            + " 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', installed_on, 1, 1"
                            + " FROM flyway_schema_history LIMIT 1");
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA journal_mode=DELETE");
                }
                return null;
            });
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOfSatisfying(TixunException.class,
                        e -> assertThat(e.exit()).isEqualTo(TixunException.Exit.DATABASE))
                .hasMessageContaining("schema version 99").hasMessageContaining("newer Tixun");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
