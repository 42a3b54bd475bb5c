// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import java.sql.Connection;
import org.tixun.core.store.Migrations;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tixun.core.store.StoreException;

/**
 * The gateway's registry of stored documents and registered records, in SQLite (default) or
 * PostgreSQL; portable SQL only, uniqueness by primary key so a record is registered once.
 */
public final class GatewayStore implements AutoCloseable {
    private final String url;
    private final BlockingQueue<Connection> pool;
    private final boolean sqlite;

    /** A stored document. */
    public record StoredDocument(String recordId, String sha256, long size, String path) {
    }

    /** A registered record with the receipt handed out for it. */
    public record StoredRecord(String recordId, String manifestJson, String receiptJson) {
    }

    private GatewayStore(String url, BlockingQueue<Connection> pool, boolean sqlite) {
        this.url = url;
        this.pool = pool;
        this.sqlite = sqlite;
    }

    /** Where the store's migration scripts are (classpath). */
    static final String MIGRATIONS = "org/tixun/core/gateway/db";

    /**
     * Opens the store at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql:…}), migrated with
     * {@link Migrations}; a store written before Flyway (its tables, no history) is baselined at version 1.
     */
    public static GatewayStore open(String jdbcUrl) {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        if (!sqlite && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only jdbc:sqlite: and jdbc:postgresql: URLs are supported: " + jdbcUrl);
        }
        int size = sqlite ? 1 : 4;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(size);
        try {
            Migrations.of(jdbcUrl, MIGRATIONS, null, null).migrate(legacyVersion(jdbcUrl));
            for (int i = 0; i < size; i++) {
                Connection c = DriverManager.getConnection(jdbcUrl);
                if (sqlite) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute("PRAGMA synchronous=FULL");
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                }
                pool.add(c);
            }
            return new GatewayStore(jdbcUrl, pool, sqlite);
        } catch (Migrations.NewerSchemaException e) {
            throw new StoreException("the gateway store " + redact(jdbcUrl) + " has schema version " + e.found()
                    + "; this gateway knows up to " + e.known() + ": upgrade the gateway", e);
        } catch (SQLException e) {
            pool.forEach(GatewayStore::closeQuietly);
            throw new StoreException("cannot open the gateway store " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    /** "1" for a store written before Flyway: it has the version-1 tables but no history table. */
    private static Optional<String> legacyVersion(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            var meta = c.getMetaData();
            boolean tables;
            boolean history;
            try (ResultSet rs = meta.getTables(null, null, "gw_record", null)) {
                tables = rs.next();
            }
            try (ResultSet rs = meta.getTables(null, null, "flyway_schema_history", null)) {
                history = rs.next();
            }
            return tables && !history ? Optional.of("1") : Optional.empty();
        }
    }

    /** The JDBC URL without a password parameter, for logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public String url() {
        return redact(url);
    }

    public boolean sqlite() {
        return sqlite;
    }

    public Optional<StoredDocument> document(String recordId) {
        return with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT record_id, sha256, size, path FROM gw_document WHERE record_id = ?")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4))) : Optional.<StoredDocument>empty();
                }
            }
        });
    }

    /** Inserts a document row; false if one already exists for the record (the caller re-reads it). */
    public boolean insertDocument(StoredDocument d, String storedAt) {
        return insert("INSERT INTO gw_document(record_id, sha256, size, path, stored_at) VALUES (?,?,?,?,?)",
                d.recordId(), d.sha256(), d.size(), d.path(), storedAt);
    }

    public Optional<StoredRecord> record(String recordId) {
        return with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT record_id, manifest_json, receipt_json FROM gw_record WHERE record_id = ?")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredRecord(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<StoredRecord>empty();
                }
            }
        });
    }

    /** Registers a record; false if one already exists for the id (the caller re-reads it). */
    public boolean insertRecord(StoredRecord r, String receivedAt) {
        return insert("INSERT INTO gw_record(record_id, manifest_json, receipt_json, received_at) VALUES (?,?,?,?)",
                r.recordId(), r.manifestJson(), r.receiptJson(), receivedAt);
    }

    /** How many records are registered. */
    public int recordCount() {
        return with(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gw_record")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private boolean insert(String sql, Object... args) {
        return with(c -> {
            boolean auto = c.getAutoCommit();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    if (!auto) {
                        c.rollback();
                    }
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        // PostgreSQL: 23505 unique_violation; SQLite: SQLITE_CONSTRAINT_PRIMARYKEY (error code 19 family)
        return "23505".equals(state) || e.getErrorCode() == 19 || e.getErrorCode() == 1555
                || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
    }

    /** Work with one pooled connection. */
    <T> T with(SqlWork<T> work) {
        Connection c;
        try {
            c = pool.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the gateway store", e);
        }
        if (c == null) {
            throw new StoreException("the gateway store is busy", null);
        }
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("gateway store error: " + e.getMessage(), e);
        } finally {
            pool.add(c);
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = pool.poll()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /** One unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
