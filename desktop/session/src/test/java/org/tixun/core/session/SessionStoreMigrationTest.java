// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway takes over session stores written before it: {@code legacy/session.db} holds the tables of the old
 * {@code session-schema.sql} with a session's sequence state, an unacknowledged message and its flow state;
 * {@code legacy/session-noflow.db} is a store from before the session flow existed.
 */
class SessionStoreMigrationTest {
    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = SessionStoreMigrationTest.class.getResourceAsStream("legacy/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static List<String> history(Path file) throws Exception {
        List<String> out = new ArrayList<>();
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
    void aStoreFromBeforeFlywayKeepsItsSessionOutboxAndFlow() throws Exception {
        Path file = fixture("session.db");
        try (SessionStore store = SessionStore.open(file)) {
            SessionStore.State state = store.session("rs-1", SessionRole.WORKSTATION);
            assertThat(state.nextSendSeq()).isEqualTo(5);
            assertThat(state.lastReceivedSeq()).isEqualTo(3);
            assertThat(store.pending("rs-1")).singleElement().satisfies(p -> {
                assertThat(p.seq()).isEqualTo(4);
                assertThat(p.payload()).containsExactly(1, 2);
            });
            assertThat(store.flow("rs-1")).hasValueSatisfying(f -> assertThat(f.phase()).isEqualTo("SIGNING"));
        }
        assertThat(history(file)).containsExactly("1 BASELINE 1", "2 SQL 1");
    }

    @Test
    void aStoreFromBeforeTheSessionFlowGetsItsTable() throws Exception {
        Path file = fixture("session-noflow.db");
        try (SessionStore store = SessionStore.open(file)) {
            assertThat(store.session("rs-0", SessionRole.TERMINAL).lastReceivedSeq()).isEqualTo(9);
            store.saveFlow(new SessionStore.FlowState("rs-0", "TERMINAL", "rec-0", "READING", "{}"));
            assertThat(store.flow("rs-0")).isPresent();
        }
        assertThat(history(file)).containsExactly("1 BASELINE 1", "2 SQL 1");
    }

    @Test
    void aNewStoreRunsBothScriptsOnceAcrossReopens() throws Exception {
        Path file = dir.resolve("new.db");
        SessionStore.open(file).close();
        SessionStore.open(file).close();
        assertThat(history(file)).containsExactly("1 SQL 1", "2 SQL 1");
    }
}
