// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.core.store.Migrations;

/**
 * Durable link state of one end: per session, the next sequence number to send, the last one received, and the
 * outbox of reliable messages not yet acknowledged. A SQLite file of its own (WAL, synchronous=FULL), migrated with
 * {@link Migrations} like every Tixun store.
 */
public final class SessionStore implements AutoCloseable {
    /** Where the store's migration scripts are (classpath). */
    public static final String MIGRATIONS = "org/tixun/core/session/db";

    private final Connection connection;

    private SessionStore(Connection connection) {
        this.connection = connection;
    }

    /** One stored, unacknowledged reliable message. */
    public record Pending(long seq, MessageType type, byte[] payload) {
    }

    /** The sequence state of one session. */
    public record State(String sessionId, SessionRole role, long nextSendSeq, long lastReceivedSeq) {
    }

    /** Opens (creating if needed) the store file. */
    public static SessionStore open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            migrate(file);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return new SessionStore(c);
        } catch (SQLException e) {
            throw new LocalizedIOException(SessionMessages.of("store.cannotOpen", file, e), e);
        }
    }

    /**
     * Migrates the store file with {@link Migrations} (scripts in {@code org/tixun/core/session/db}); a store written
     * before Flyway (it has the link tables but no history) is baselined at version 1.
     */
    static void migrate(Path file) throws SQLException {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Optional<String> legacy = Optional.empty();
        if (Files.exists(file)) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name IN "
                            + "('session_link','flyway_schema_history')")) {
                java.util.Set<String> tables = new java.util.HashSet<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                if (tables.contains("session_link") && !tables.contains("flyway_schema_history")) {
                    legacy = Optional.of("1");
                }
            }
        }
        try {
            Migrations.of(url, MIGRATIONS, null, null).migrate(legacy);
        } catch (Migrations.NewerSchemaException e) {
            throw new SQLException(SessionMessages.of("store.newer", file, e.found(), e.known()).bilingual(), e);
        } catch (org.tixun.core.store.StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** One side's orchestration state of a session (org.tixun.core.session.flow), as JSON. */
    public record FlowState(String sessionId, String side, String recordId, String phase, String stateJson) {
    }

    /** Saves the flow state of a session durably (replacing the previous one). */
    public synchronized void saveFlow(FlowState state) throws IOException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO session_flow(session_id, side, record_id, "
                + "phase, state_json, updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT(session_id) DO UPDATE SET "
                + "side = excluded.side, record_id = excluded.record_id, phase = excluded.phase, "
                + "state_json = excluded.state_json, updated_at = excluded.updated_at")) {
            p.setString(1, state.sessionId());
            p.setString(2, state.side());
            p.setString(3, state.recordId());
            p.setString(4, state.phase());
            p.setString(5, state.stateJson());
            p.setString(6, Instant.now().toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the session flow", e);
        }
    }

    /** The saved flow state of a session, if any. */
    public synchronized Optional<FlowState> flow(String sessionId) throws IOException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT side, record_id, phase, state_json FROM session_flow WHERE session_id = ?")) {
            p.setString(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new FlowState(sessionId, rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the session flow", e);
        }
    }

    /**
     * The most recently saved flow of {@code side} for {@code recordId} that is not finished (its phase is none of
     * {@code finished}), e.g. to resume a remote session after the program was closed or crashed.
     */
    public synchronized Optional<FlowState> unfinishedFlow(String side, String recordId, java.util.Set<String> finished)
            throws IOException {
        try (PreparedStatement p = connection.prepareStatement("SELECT session_id, phase, state_json FROM session_flow "
                + "WHERE side = ? AND record_id = ? ORDER BY updated_at DESC, rowid DESC")) {
            p.setString(1, side);
            p.setString(2, recordId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (!finished.contains(rs.getString(2))) {
                        return Optional.of(new FlowState(rs.getString(1), side, recordId, rs.getString(2),
                                rs.getString(3)));
                    }
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the session flows of a record", e);
        }
    }

    /** The state of a session, created (next 1, received 0) if new. */
    public synchronized State session(String sessionId, SessionRole role) throws IOException {
        try {
            Optional<State> existing = find(sessionId);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO session_link(session_id, role, "
                    + "next_send_seq, last_received_seq, created_at, updated_at) VALUES (?,?,1,0,?,?)")) {
                String now = Instant.now().toString();
                p.setString(1, sessionId);
                p.setString(2, role.name());
                p.setString(3, now);
                p.setString(4, now);
                p.executeUpdate();
            }
            return new State(sessionId, role, 1, 0);
        } catch (SQLException e) {
            throw failure("open session " + sessionId, e);
        }
    }

    private Optional<State> find(String sessionId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT role, next_send_seq, last_received_seq FROM session_link WHERE session_id = ?")) {
            p.setString(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(sessionId, SessionRole.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3)));
            }
        }
    }

    /** The most recently used session of this end, if any (a restarted terminal resumes it). */
    public synchronized Optional<String> latestSession() throws IOException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT session_id FROM session_link ORDER BY updated_at DESC, "
                        + "rowid DESC LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw failure("read sessions", e);
        }
    }

    /** Stores a reliable message under the next sequence number, durably, and returns that number. */
    public synchronized long enqueue(String sessionId, MessageType type, byte[] payload) throws IOException {
        try {
            connection.setAutoCommit(false);
            try {
                long seq;
                try (PreparedStatement p = connection.prepareStatement(
                        "SELECT next_send_seq FROM session_link WHERE session_id = ?")) {
                    p.setString(1, sessionId);
                    try (ResultSet rs = p.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("unknown session " + sessionId);
                        }
                        seq = rs.getLong(1);
                    }
                }
                String now = Instant.now().toString();
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO session_outbox(session_id, seq, type, payload, created_at) VALUES (?,?,?,?,?)")) {
                    p.setString(1, sessionId);
                    p.setLong(2, seq);
                    p.setInt(3, type.code());
                    p.setBytes(4, payload);
                    p.setString(5, now);
                    p.executeUpdate();
                }
                try (PreparedStatement p = connection.prepareStatement(
                        "UPDATE session_link SET next_send_seq = ?, updated_at = ? WHERE session_id = ?")) {
                    p.setLong(1, seq + 1);
                    p.setString(2, now);
                    p.setString(3, sessionId);
                    p.executeUpdate();
                }
                connection.commit();
                return seq;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("store an outgoing message", e);
        }
    }

    /** Every unacknowledged message of a session, in sequence order. */
    public synchronized List<Pending> pending(String sessionId) throws IOException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT seq, type, payload FROM session_outbox WHERE session_id = ? ORDER BY seq")) {
            p.setString(1, sessionId);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), MessageType.ofCode(rs.getInt(2)), rs.getBytes(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** Drops every outbox message up to and including {@code seq} (the peer holds them). */
    public synchronized void acknowledge(String sessionId, long seq) throws IOException {
        try (PreparedStatement p = connection.prepareStatement(
                "DELETE FROM session_outbox WHERE session_id = ? AND seq <= ?")) {
            p.setString(1, sessionId);
            p.setLong(2, seq);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("acknowledge", e);
        }
    }

    /** Records that every reliable message up to {@code seq} from the peer has been delivered. */
    public synchronized void markReceived(String sessionId, long seq) throws IOException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE session_link SET last_received_seq = ?, "
                + "updated_at = ? WHERE session_id = ? AND last_received_seq < ?")) {
            p.setLong(1, seq);
            p.setString(2, Instant.now().toString());
            p.setString(3, sessionId);
            p.setLong(4, seq);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a received message", e);
        }
    }

    private static IOException failure(String what, SQLException e) {
        return new LocalizedIOException(SessionMessages.of("store.writeFailed", what, e), e);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
