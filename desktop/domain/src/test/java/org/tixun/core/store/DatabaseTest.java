// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.TestCore;
import org.tixun.core.TixunException;
import org.tixun.core.config.DataDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsSchemaWithWalAndForeignKeys() throws Exception {
        try (Database db = Database.open(dir.resolve("t.db"))) {
            assertThat(db.schemaVersion()).isEqualTo(Database.latestVersion());
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
                        java.util.Set<String> names = new java.util.HashSet<>();
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                        assertThat(names).contains("app_user", "case_file", "participant", "record", "record_revision",
                                "signature_event", "recording_segment", "outbox_item", "audit_entry");
                    }
                }
                return null;
            });
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotReapplyMigrations() {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file)) {
            new Settings(db).put("k", "v");
        }
        try (Database db = Database.open(file)) {
            assertThat(new Settings(db).get("k")).contains("v");
            assertThat(db.schemaVersion()).isEqualTo(Database.latestVersion());
        }
    }

    @Test
    void rejectsForeignKeyViolations() {
        try (Database db = Database.open(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO participant(id, case_id, position, role, name) "
                            + "VALUES ('p', 'no-such-case', 0, 'SUSPECT', 'x')");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void refusesCorruptFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("t.db");
        byte[] junk = "this is not a database, just some text that someone saved here".getBytes();
        Files.write(file, junk);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOfSatisfying(TixunException.class,
                        e -> assertThat(e.exit()).isEqualTo(TixunException.Exit.DATABASE))
                .hasMessageContaining("not an SQLite database").hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("t.db");
    }

    @Test
    void refusesDamagedPagesAndLeavesFileUntouched() throws Exception {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file)) {
            new Settings(db).put("k", "v");
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA journal_mode=DELETE");
                }
                return null;
            });
        }
        byte[] bytes = Files.readAllBytes(file);
        // Keep the header, smash the schema page content.
        Arrays.fill(bytes, 100, 4096, (byte) 0x5A);
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(TixunException.class)
                .hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void refusesNewerSchemaAndLeavesFileUntouched() throws Exception {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file)) {
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA user_version = 99");
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA journal_mode=DELETE");
                }
                return null;
            });
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(TixunException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer Tixun");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void unwritableDataDirGivesClearError() throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectory(ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permission bits; a regular file in the way is refused for everyone.
            Path blocked = dir.resolve("file-in-the-way");
            Files.writeString(blocked, "x");
            assertThatThrownBy(() -> TestCore.open(blocked.resolve("sub")))
                    .isInstanceOfSatisfying(TixunException.class,
                            e -> assertThat(e.exit()).isEqualTo(TixunException.Exit.DATA_DIR))
                    .hasMessageContaining("Cannot create the data directory");
            assertThat(Files.readString(blocked)).isEqualTo("x");
            if (!"root".equals(System.getProperty("user.name"))) {
                assertThatThrownBy(() -> DataDir.at(ro).ensureWritable()).isInstanceOf(TixunException.class)
                        .hasMessageContaining("not writable");
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
