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
 * The Flyway side of {@link Migrations}, in a class of its own so that Flyway is loaded only when a store needs it
 * (the JVM's verifier loads the exception types a method catches when it loads the class that has the method).
 */
final class FlywayMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrations.class);

    private FlywayMigrations() {
    }

    private static Flyway flyway(String jdbcUrl, String location, String user, String password,
            Optional<String> legacyVersion) {
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

    /** The newest version Flyway finds a script for (read against an empty in-memory SQLite store). */
    static String latestKnown(String location) {
        MigrationInfo[] all = Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null)
                .locations("classpath:" + location).loggers("slf4j").load().info().pending();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    /** {@link Migrations#migrate} with Flyway. */
    static String migrate(String jdbcUrl, String location, String user, String password,
            Optional<String> legacyVersion) {
        Flyway flyway = flyway(jdbcUrl, location, user, password, legacyVersion);
        try {
            Optional<MigrationInfo> future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .reduce((a, b) -> b);
            if (future.isPresent()) {
                throw new Migrations.NewerSchemaException(future.get().getVersion().getVersion(),
                        latestKnown(location));
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

    /** The scripts Flyway resolves at {@code location}, in its order, as index entries (for the index's tests). */
    static java.util.List<MigrationIndex.Script> resolved(String location) {
        return Arrays.stream(Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null)
                        .locations("classpath:" + location).loggers("slf4j").load().info().all())
                .map(m -> new MigrationIndex.Script(m.getVersion() == null ? "" : m.getVersion().getVersion(), m.getDescription(), m.getScript(),
                        m.getChecksum()))
                .toList();
    }
}
