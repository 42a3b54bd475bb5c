// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.tixun.core.TixunException;

/**
 * The SQLite store: one file in the data dir, WAL mode, foreign keys on, versioned migrations
 * applied at open; refuses corrupt files and newer schemas without touching them.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Migration scripts in order; the index + 1 is the schema version each one produces. */
    static final List<String> MIGRATIONS = List.of("V1__initial.sql", "V2__archive_search.sql", "V3__sync.sql",
            "V4__recording.sql", "V5__record_recording.sql");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Opens (creating if absent) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        boolean existed = Files.exists(file);
        if (existed) {
            checkHeader(file);
            int version = readVersionReadOnly(file);
            if (version > latestVersion()) {
                throw new TixunException(TixunException.Exit.DATABASE, "The database " + file
                        + " has schema version " + version + " but this Tixun only knows up to version "
                        + latestVersion() + ". It was written by a newer Tixun: upgrade Tixun, nothing was changed.");
            }
        }
        Connection c = null;
        try {
            c = connect(file, false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
            Database db = new Database(file, c);
            db.migrate();
            return db;
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw new TixunException(TixunException.Exit.DATABASE, "Cannot open the database " + file + ": "
                    + e.getMessage() + ". If the file is damaged, restore it from a backup.", e);
        } catch (RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection c, Exception primary) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                primary.addSuppressed(suppressed);
            }
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        if (readOnly) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static void checkHeader(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATABASE, "Cannot read the database " + file + ": "
                    + e.getMessage() + ". Check its permissions.", e);
        }
        if (n == 0) {
            return; // an empty file is a database SQLite has not written yet
        }
        if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
            throw new TixunException(TixunException.Exit.DATABASE, "The database " + file
                    + " is not an SQLite database (damaged or replaced). Restore it from a backup; nothing was changed.");
        }
    }

    private static int readVersionReadOnly(Path file) {
        try (Connection ro = connect(file, true); Statement s = ro.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                List<String> problems = new ArrayList<>();
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
                if (!problems.isEmpty()) {
                    throw new TixunException(TixunException.Exit.DATABASE, "The database " + file
                            + " is damaged (" + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                            + "). Restore it from a backup; nothing was changed.");
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new TixunException(TixunException.Exit.DATABASE, "The database " + file + " cannot be read ("
                    + e.getMessage() + "). It may be damaged: restore it from a backup; nothing was changed.", e);
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            String name = MIGRATIONS.get(v);
            String sql = readScript(name);
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String statement : SqlScript.split(sql)) {
                    s.execute(statement);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                connection.commit();
                LOG.info("Database migrated to schema version {} ({})", v + 1, name);
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    private static String readScript(String name) {
        try (InputStream in = Database.class.getResourceAsStream("/org/tixun/core/db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + name, e);
        }
    }

    public int schemaVersion() {
        return withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public Path file() {
        return file;
    }

    /** Work with the single connection, serialised across threads. */
    public <T> T withConnection(SqlFunction<T> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored or none. */
    public <T> T inTransaction(SqlFunction<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
