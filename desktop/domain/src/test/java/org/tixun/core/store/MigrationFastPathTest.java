// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An up-to-date store is recognised without Flyway; every other store goes through Flyway as before. Real SQLite
 * files; {@link Migrations#run} says which way a store went, and a fresh class loader shows that opening an up-to-date
 * {@code tixun.db} does not load a single Flyway class.
 */
class MigrationFastPathTest {
    @TempDir
    Path dir;

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static Migrations.Outcome run(Path file, Optional<String> legacy) {
        return Migrations.of(url(file), Database.MIGRATIONS, null, null).run(legacy);
    }

    private static String latest() {
        return Integer.toString(Database.latestVersion());
    }

    private Path upToDate() {
        Path file = dir.resolve("t.db");
        Database.open(file).close();
        return file;
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> history(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, type, checksum, success FROM flyway_schema_history"
                        + " ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
            }
        }
        return out;
    }

    @Test
    void anUpToDateStoreTakesTheFastPathAndIsLeftAsItWas() throws Exception {
        Path file = upToDate();
        List<String> history = history(file);
        byte[] before = Files.readAllBytes(file);
        Migrations.Outcome outcome = run(file, Optional.empty());
        assertThat(outcome.whyFlyway()).isNull();
        assertThat(outcome.version()).isEqualTo(latest());
        assertThat(history(file)).isEqualTo(history);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aNewStoreGoesThroughFlyway() {
        Migrations.Outcome outcome = run(dir.resolve("new.db"), Optional.empty());
        assertThat(outcome.whyFlyway()).startsWith("cannot read the history");
        assertThat(outcome.version()).isEqualTo(latest());
    }

    @Test
    void aStoreOneScriptBehindIsMigratedByFlyway() throws Exception {
        Path file = dir.resolve("t.db");
        String previous = Integer.toString(Database.latestVersion() - 1);
        Flyway.configure().dataSource(url(file), null, null).locations("classpath:" + Database.MIGRATIONS)
                .mixed(true).target(previous).loggers("slf4j").load().migrate();
        assertThat(history(file)).hasSize(Database.latestVersion() - 1);
        Migrations.Outcome outcome = run(file, Optional.empty());
        assertThat(outcome.whyFlyway()).contains("applied row(s)");
        assertThat(outcome.version()).isEqualTo(latest());
        assertThat(history(file)).hasSize(Database.latestVersion()).allMatch(h -> h.endsWith(" 1"));
        assertThat(run(file, Optional.empty()).whyFlyway()).as("now up to date").isNull();
    }

    @Test
    void aFailedRowGoesThroughFlywayWhichRefusesAsBefore() throws Exception {
        Path file = upToDate();
        sql(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '" + latest() + "'");
        assertThatThrownBy(() -> run(file, Optional.empty())).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(FlywayException.class).hasMessageContaining("failed migration");
    }

    @Test
    void aStoreANewerTixunMigratedGoesThroughFlywayAndIsRefused() throws Exception {
        Path file = upToDate();
        sql(file, "INSERT INTO flyway_schema_history(installed_rank, version, description, type, script, checksum,"
                + " installed_by, installed_on, execution_time, success) SELECT 99, '99', 'from the future', 'SQL',"
                + " 'V99__from_the_future.sql', 0, 'test', installed_on, 1, 1 FROM flyway_schema_history LIMIT 1");
        assertThatThrownBy(() -> run(file, Optional.empty())).isInstanceOfSatisfying(
                Migrations.NewerSchemaException.class, e -> {
                    assertThat(e.found()).isEqualTo("99");
                    assertThat(e.known()).isEqualTo(latest());
                });
    }

    @Test
    void aChangedChecksumGoesThroughFlywayWhichRefusesAsBefore() throws Exception {
        Path file = upToDate();
        sql(file, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        assertThatThrownBy(() -> run(file, Optional.empty())).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aChangedDescriptionGoesThroughFlywayWhichRefusesAsBefore() throws Exception {
        Path file = upToDate();
        sql(file, "UPDATE flyway_schema_history SET description = 'something else' WHERE version = '3'");
        assertThatThrownBy(() -> run(file, Optional.empty())).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(FlywayException.class).hasMessageContaining("description mismatch");
    }

    @Test
    void aStoreFromBeforeFlywayIsBaselinedByFlywayThenTakesTheFastPath() throws Exception {
        for (String name : List.of("tixun.db", "audit-head")) {
            try (InputStream in = MigrationTest.class.getResourceAsStream("legacy-v4/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Path file = dir.resolve("tixun.db");
        Migrations.Outcome outcome = run(file, Optional.of("4"));
        assertThat(outcome.whyFlyway()).isEqualTo("a store written before Flyway");
        assertThat(outcome.version()).isEqualTo(latest());
        assertThat(history(file).get(0)).isEqualTo("4 BASELINE null 1");
        Migrations.Outcome again = run(file, Optional.empty());
        assertThat(again.whyFlyway()).isNull();
        assertThat(again.version()).isEqualTo(latest());
    }

    @Test
    void aBaselineAtAVersionWithoutAScriptGoesThroughFlyway() throws Exception {
        Path file = upToDate();
        sql(file, "DELETE FROM flyway_schema_history WHERE installed_rank > 1",
                "UPDATE flyway_schema_history SET type = 'BASELINE', version = '3.5', checksum = NULL");
        // Flyway then applies the scripts after 3.5 to a schema that has them, and fails, as without the index.
        assertThatThrownBy(() -> run(file, Optional.empty())).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(FlywayException.class).hasMessageContaining("V4__recording.sql");
    }

    @Test
    void aScriptTheIndexDoesNotKnowIsAppliedByFlyway() throws Exception {
        Path file = upToDate();
        Path root = dir.resolve("cp");
        Path loc = root.resolve(Database.MIGRATIONS);
        Files.createDirectories(loc);
        int next = Database.latestVersion() + 1;
        // Scripts of a later version on the class path beside the (now stale) index: never trust the index then.
        Files.writeString(loc.resolve("V" + next + "__probe.sql"), "CREATE TABLE probe(x);\n");
        Migrations.Outcome outcome = MigrationIndexTest.inLoader(root,
                () -> run(file, Optional.empty()));
        assertThat(outcome.whyFlyway()).contains("not in the index: [V" + next + "__probe.sql]");
        assertThat(outcome.version()).isEqualTo(Integer.toString(next));
        assertThat(history(file)).last().asString().startsWith(next + " SQL ");
    }

    @Test
    void openingAnUpToDateStoreLoadsNoFlywayClass() throws Exception {
        Path file = upToDate();
        Set<String> upToDate = classesLoadedByOpening(file);
        assertThat(upToDate).as("classes loaded").contains(Database.class.getName(), Migrations.class.getName(),
                MigrationIndex.class.getName(), "org.sqlite.JDBC");
        assertThat(upToDate).noneMatch(n -> n.startsWith("org.flywaydb."))
                .doesNotContain(FlywayMigrations.class.getName());
        // The same probe sees Flyway when a store needs it (a new one).
        Set<String> fresh = classesLoadedByOpening(dir.resolve("new.db"));
        assertThat(fresh).contains(FlywayMigrations.class.getName(), Flyway.class.getName());
    }

    /** The classes that {@code Database.open(file)} loads in a class loader of its own (the test's class path). */
    private static Set<String> classesLoadedByOpening(Path file) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                loaded.add(name);
                return super.findClass(name);
            }
        }) {
            t.setContextClassLoader(loader);
            Class.forName("org.sqlite.JDBC", true, loader); // registers this loader's driver with DriverManager
            Class<?> database = Class.forName(Database.class.getName(), true, loader);
            assertThat(database).isNotSameAs(Database.class);
            Method open = database.getMethod("open", Path.class);
            try (AutoCloseable db = (AutoCloseable) open.invoke(null, file)) {
                assertThat(db).isNotNull();
            }
        } finally {
            t.setContextClassLoader(before);
        }
        return loaded;
    }
}
