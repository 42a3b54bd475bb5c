// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.util.Messages;

/**
 * The one migration tool of every Tixun store ({@code tixun.db}, {@code session.db} and the gateway's SQLite or
 * PostgreSQL store): Flyway with SQL scripts {@code V<n>__<what>.sql} under a classpath location of the owning module.
 *
 * <p>Stores written before Flyway carry no history table; their schema version is known another way (SQLite's
 * {@code user_version}, or a table that only a given version had). They are baselined at that version, so only the
 * later scripts run and no row is touched. A store that a newer Tixun migrated further than the scripts this program
 * has ({@link MigrationState#FUTURE_SUCCESS}) is refused before anything is written.
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

    private Flyway flyway(Optional<String> legacyVersion) {
        var config = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:" + location)
                .table("flyway_schema_history")
                .mixed(true)
                .validateMigrationNaming(true)
                .loggers("slf4j");
        legacyVersion.ifPresent(v -> config.baselineOnMigrate(true).baselineVersion(v)
                .baselineDescription("store written before Flyway (schema version " + v + ")"));
        return config.load();
    }

    /** The newest version this program has a script for (read against an empty in-memory SQLite store). */
    public static String latestKnown(String location) {
        MigrationInfo[] all = Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null)
                .locations("classpath:" + location).loggers("slf4j").load().info().pending();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    /**
     * Migrates the store to the newest script; returns the schema version it has afterwards.
     *
     * @param legacyVersion for a store written before Flyway (no history table, not empty): its schema version
     * @throws NewerSchemaException if a newer Tixun wrote the store (nothing is changed)
     */
    public String migrate(Optional<String> legacyVersion) {
        Flyway flyway = flyway(legacyVersion);
        try {
            Optional<MigrationInfo> future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .reduce((a, b) -> b);
            if (future.isPresent()) {
                throw new NewerSchemaException(future.get().getVersion().getVersion(), latestKnown(location));
            }
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("{}: {} migration(s) applied, schema version {} -> {}", location, result.migrationsExecuted,
                        result.initialSchemaVersion, result.targetSchemaVersion);
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException(Messages.of("store.migrationFailed", location, e), e);
        }
    }

}
