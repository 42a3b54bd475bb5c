// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one migration tool of every Tixun store ({@code tixun.db}, {@code session.db} and the gateway's SQLite or
 * PostgreSQL store): Flyway with SQL scripts {@code V<n>__<what>.sql} under a classpath location of the owning module.
 *
 * <p>Stores written before Flyway carry no history table; their schema version is known another way (SQLite's
 * {@code user_version}, or a table that only a given version had). They are baselined at that version, so only the
 * later scripts run and no row is touched. A store that a newer Tixun migrated further than the scripts this program
 * has (Flyway's {@code FUTURE_SUCCESS}) is refused before anything is written.
 *
 * <p>Fast path: a location may hold an index of its scripts ({@link MigrationIndex}, {@code index.txt}). When the
 * index matches the scripts actually there and an SQLite store's history lists exactly those scripts, all applied
 * with the same checksums, the store is up to date and Flyway, which would find nothing to do, is not loaded. In any
 * other case (no index, no history, a legacy store, a failed or unknown row, a different checksum, an SQL error) the
 * store goes through Flyway exactly as without the index.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final String jdbcUrl;
    private final String location;
    private final String user;
    private final String password;

    private Migrations(String jdbcUrl, String location, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.location = location;
        this.user = user;
        this.password = password;
    }

    /**
     * The migrations of {@code location} (e.g. {@code org/tixun/core/db}) for the store at {@code jdbcUrl}.
     *
     * @param user database user, null for SQLite or when the URL carries it
     * @param password its password, null when none
     */
    public static Migrations of(String jdbcUrl, String location, String user, String password) {
        return new Migrations(jdbcUrl, location, user, password);
    }

    /** A store newer than this program: the newest version it has and the newest this program knows. */
    public static final class NewerSchemaException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String found;
        private final String known;

        NewerSchemaException(String found, String known) {
            super("schema version " + found + " is newer than " + known);
            this.found = found;
            this.known = known;
        }

        /** The store's newest applied version. */
        public String found() {
            return found;
        }

        /** The newest version this program has a script for. */
        public String known() {
            return known;
        }
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader(); // the one Flyway scans by default
    }

    /** The newest version this program has a script for: from the location's index, else from Flyway. */
    public static String latestKnown(String location) {
        MigrationIndex.Verified index = MigrationIndex.verified(loader(), location);
        if (index.trusted()) {
            return index.latest();
        }
        LOG.debug("{}: index not used ({}), asking Flyway", location, index.problem());
        return FlywayMigrations.latestKnown(location);
    }

    /**
     * Migrates the store to the newest script; returns the schema version it has afterwards.
     *
     * @param legacyVersion for a store written before Flyway (no history table, not empty): its schema version
     * @throws NewerSchemaException if a newer Tixun wrote the store (nothing is changed)
     */
    public String migrate(Optional<String> legacyVersion) {
        return run(legacyVersion).version();
    }

    /** What {@link #run} did: the schema version, and why Flyway was used (null when it was not). */
    record Outcome(String version, String whyFlyway) {
        boolean flyway() {
            return whyFlyway != null;
        }
    }

    /** {@link #migrate}, saying whether the store took the fast path. */
    Outcome run(Optional<String> legacyVersion) {
        String why;
        if (legacyVersion.isPresent()) {
            why = "a store written before Flyway";
        } else if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            why = "not an SQLite store";
        } else {
            MigrationIndex.Verified index = MigrationIndex.verified(loader(), location);
            if (!index.trusted()) {
                why = "index not used: " + index.problem();
            } else {
                Optional<String> mismatch = MigrationIndex.mismatch(jdbcUrl, user, password, index.scripts());
                if (mismatch.isEmpty()) {
                    return new Outcome(index.latest(), null);
                }
                why = mismatch.get();
            }
        }
        LOG.debug("{}: migrating with Flyway ({})", location, why);
        return new Outcome(FlywayMigrations.migrate(jdbcUrl, location, user, password, legacyVersion), why);
    }
}
