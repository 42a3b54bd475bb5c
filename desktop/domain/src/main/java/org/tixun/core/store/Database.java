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
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.tixun.core.TixunException;
import org.tixun.core.util.Messages;

/**
 * The SQLite store: one file in the data dir, WAL mode, foreign keys on, versioned migrations ({@link Migrations},
 * Flyway, scripts in {@code org/tixun/core/db}) applied at open; refuses corrupt files and newer schemas without
 * touching them.
 */
public final class Database implements AutoCloseable {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Where the migration scripts are (classpath). */
    static final String MIGRATIONS = "org/tixun/core/db";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The schema version this program's scripts produce. */
    public static int latestVersion() {
        return Integer.parseInt(Migrations.latestKnown(MIGRATIONS));
    }

    /** Opens (creating if absent) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        Optional<String> legacy = Optional.empty();
        if (Files.exists(file)) {
            checkHeader(file);
            Stamp stamp = readStampReadOnly(file);
            int latest = latestVersion();
            if (stamp.userVersion() > latest) {
                throw newer(file, Integer.toString(stamp.userVersion()), Integer.toString(latest), null);
            }
            if (!stamp.flyway() && stamp.userVersion() > 0) {
                // Written before Flyway: its user_version is the schema version its scripts produced.
                legacy = Optional.of(Integer.toString(stamp.userVersion()));
            }
        }
        try {
            String version = Migrations.of(url(file), MIGRATIONS, null, null).migrate(legacy);
            // Kept in step so that a Tixun from before Flyway refuses a store a newer one migrated further.
            setUserVersion(file, Integer.parseInt(version));
        } catch (Migrations.NewerSchemaException e) {
            throw newer(file, e.found(), e.known(), e);
        } catch (StoreException e) {
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.migrateFailed", file, e), e);
        }
        Connection c = null;
        try {
            c = connect(file, false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
            return new Database(file, c);
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.cannotOpen", file, e), e);
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

    private static TixunException newer(Path file, String found, String known, Exception cause) {
        return new TixunException(TixunException.Exit.DATABASE, Messages.of("database.newer", file, found, known),
                cause);
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void setUserVersion(Path file, int version) {
        try (Connection c = connect(file, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + version);
        } catch (SQLException e) {
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.versionUnwritable", file,
                    e), e);
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
        return DriverManager.getConnection(url(file), config.toProperties());
    }

    private static void checkHeader(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.unreadable", file, e), e);
        }
        if (n == 0) {
            return; // an empty file is a database SQLite has not written yet
        }
        if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.notSqlite", file));
        }
    }

    /** What an existing file says of its schema: SQLite's {@code user_version} and whether Flyway manages it. */
    private record Stamp(int userVersion, boolean flyway) {
    }

    private static Stamp readStampReadOnly(Path file) {
        try (Connection ro = connect(file, true); Statement s = ro.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                List<String> problems = new ArrayList<>();
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
                if (!problems.isEmpty()) {
                    throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.damaged", file,
                            String.join("; ", problems.subList(0, Math.min(3, problems.size())))));
                }
            }
            int userVersion;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                userVersion = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='flyway_schema_history'")) {
                return new Stamp(userVersion, rs.next() && rs.getInt(1) > 0);
            }
        } catch (SQLException e) {
            throw new TixunException(TixunException.Exit.DATABASE, Messages.of("database.cannotRead", file, e), e);
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
            throw new StoreException(Messages.of("database.error", e), e);
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
            throw new StoreException(Messages.of("database.cannotClose", e), e);
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
