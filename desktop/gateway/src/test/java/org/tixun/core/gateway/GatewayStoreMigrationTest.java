// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway takes over a gateway store that the gateway created with its own CREATE TABLE statements before Flyway. */
class GatewayStoreMigrationTest {
    @TempDir
    Path dir;

    private static List<String> history(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        return out;
    }

    @Test
    void aStoreFromBeforeFlywayKeepsItsRecords() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("gateway.db");
        // Exactly what GatewayStore.open executed before Flyway.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS gw_document (record_id VARCHAR(64) PRIMARY KEY, "
                    + "sha256 VARCHAR(64) NOT NULL, size BIGINT NOT NULL, path TEXT NOT NULL, "
                    + "stored_at VARCHAR(40) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS gw_record (record_id VARCHAR(64) PRIMARY KEY, "
                    + "manifest_json TEXT NOT NULL, receipt_json TEXT NOT NULL, received_at VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO gw_record VALUES ('r-1', '{\"recordId\":\"r-1\"}', '{\"receiptId\":\"x\"}',"
                    + " '2026-11-30T10:00:00Z')");
        }
        GatewayStore store = GatewayStore.open(url);
        try {
            assertThat(store.record("r-1")).hasValueSatisfying(r -> assertThat(r.receiptJson()).contains("x"));
        } finally {
            store.close();
        }
        assertThat(history(url)).containsExactly("1 BASELINE 1");
    }

    @Test
    void aNewStoreIsCreatedByTheScript() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("new.db");
        GatewayStore.open(url).close();
        GatewayStore.open(url).close();
        assertThat(history(url)).containsExactly("1 SQL 1");
    }
}
