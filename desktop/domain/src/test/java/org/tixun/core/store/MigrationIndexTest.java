// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of {@code org/tixun/core/db} matches its scripts, and a stale index is noticed. */
class MigrationIndexTest {
    @TempDir
    Path dir;

    @Test
    void theStoreIndexListsExactlyTheScriptsFlywayFinds() {
        assertThat(MigrationIndexCheck.problems(Database.MIGRATIONS, MigrationIndexCheck.sourceIndex(
                Database.MIGRATIONS))).isEmpty();
        assertThat(MigrationIndex.verify(getClass().getClassLoader(), Database.MIGRATIONS).latest())
                .isEqualTo(FlywayMigrations.latestKnown(Database.MIGRATIONS))
                .isEqualTo(Migrations.latestKnown(Database.MIGRATIONS));
    }

    @Test
    void checksumsAreFlywaysIncludingBomAndLineEndings() throws Exception {
        Path loc = dir.resolve("x/db");
        Files.createDirectories(loc);
        Files.write(loc.resolve("V1__unix.sql"), "CREATE TABLE a(x);\nINSERT INTO a VALUES (1);\n".getBytes());
        Files.write(loc.resolve("V2__windows_bom.sql"),
                "\uFEFFCREATE TABLE b(x);\r\n-- 中文\r\nINSERT INTO b VALUES (2);".getBytes(StandardCharsets.UTF_8));
        Files.write(loc.resolve("V3__old_mac.sql"), "CREATE TABLE c(x);\rSELECT 1;\r\r".getBytes());
        inLoader(loc.getParent().getParent(), () -> {
            List<MigrationIndex.Script> flyway = FlywayMigrations.resolved("x/db");
            assertThat(flyway).hasSize(3);
            for (MigrationIndex.Script s : flyway) {
                assertThat(MigrationIndex.checksum(read(loc.resolve(s.script())))).as(s.script())
                        .isEqualTo(s.checksum());
            }
            return null;
        });
    }

    @Test
    void aScriptAddedEditedOrRenamedWithoutANewIndexFailsTheCheckAndIsNotTrusted() throws Exception {
        Path root = dir.resolve("cp");
        Path loc = root.resolve("x/db");
        Files.createDirectories(loc);
        Files.writeString(loc.resolve("V1__first.sql"), "CREATE TABLE a(x);\n");
        Files.writeString(loc.resolve("V2__second.sql"), "CREATE TABLE b(x);\n");
        Path index = loc.resolve(MigrationIndex.FILE);
        String write = System.getProperty(MigrationIndexCheck.WRITE); // set when regenerating the real indexes
        try {
            System.setProperty(MigrationIndexCheck.WRITE, "true");
            inLoader(root, () -> MigrationIndexCheck.problems("x/db", index));
            System.clearProperty(MigrationIndexCheck.WRITE);
            checkStaleIndexes(root, loc, index);
        } finally {
            if (write == null) {
                System.clearProperty(MigrationIndexCheck.WRITE);
            } else {
                System.setProperty(MigrationIndexCheck.WRITE, write);
            }
        }
    }

    private static void checkStaleIndexes(Path root, Path loc, Path index) throws Exception {
        assertThat(Files.readString(index)).contains("1\tV1__first.sql\t").contains("2\tV2__second.sql\t");
        assertThat(inLoader(root, () -> MigrationIndexCheck.problems("x/db", index))).isEmpty();
        assertThat(inLoader(root, () -> MigrationIndex.verify(Thread.currentThread().getContextClassLoader(),
                "x/db")).latest()).isEqualTo("2");

        Files.writeString(loc.resolve("V3__third.sql"), "CREATE TABLE c(x);\n");
        assertStale(root, index, "not in the index: [V3__third.sql]");
        Files.delete(loc.resolve("V3__third.sql"));

        Files.writeString(loc.resolve("V2__second.sql"), "CREATE TABLE b(x, y);\n");
        assertStale(root, index, "V2__second.sql differs from its index entry");
        Files.writeString(loc.resolve("V2__second.sql"), "CREATE TABLE b(x);\n");

        Files.move(loc.resolve("V2__second.sql"), loc.resolve("V2__the_second.sql"));
        assertStale(root, index, "indexed script V2__second.sql is missing");
        Files.move(loc.resolve("V2__the_second.sql"), loc.resolve("V2__second.sql"));

        // A Flyway callback is no migration (the index is as Flyway resolves them) but Flyway must run it.
        Files.writeString(loc.resolve("afterMigrate.sql"), "SELECT 1;\n");
        assertThat(inLoader(root, () -> MigrationIndexCheck.problems("x/db", index))).singleElement().asString()
                .contains("not trusted (not in the index: [afterMigrate.sql])");
        Files.delete(loc.resolve("afterMigrate.sql"));

        assertThat(inLoader(root, () -> MigrationIndexCheck.problems("x/db", index))).isEmpty();
    }

    @Test
    void anIndexInAJarIsCheckedAgainstTheJarsEntries() throws Exception {
        Path jar = dir.resolve("m.jar");
        String v1 = "CREATE TABLE a(x);\n";
        String index = MigrationIndex.render("x/db", List.of(new MigrationIndex.Script("1", "first", "V1__first.sql",
                MigrationIndex.checksum(v1.getBytes()))));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String d : List.of("x/", "x/db/")) {
                out.putNextEntry(new JarEntry(d));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("x/db/V1__first.sql"));
            out.write(v1.getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("x/db/" + MigrationIndex.FILE));
            out.write(index.getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("x/other/V9__elsewhere.sql"));
            out.write("SELECT 1;".getBytes());
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationIndex.Verified v = MigrationIndex.verify(loader, "x/db");
            assertThat(v.problem()).isNull();
            assertThat(v.latest()).isEqualTo("1");
        }
    }

    private static void assertStale(Path root, Path index, String problem) throws Exception {
        List<String> problems = inLoader(root, () -> MigrationIndexCheck.problems("x/db", index));
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0)).contains("is out of date").contains("Regenerate it")
                .contains("-D" + MigrationIndexCheck.WRITE + "=true");
        assertThat(inLoader(root, () -> MigrationIndex.verify(Thread.currentThread().getContextClassLoader(),
                "x/db")).problem()).isEqualTo(problem);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code work} with a class loader that sees {@code root} (and, through its parent, the test's classes). */
    static <T> T inLoader(Path root, Supplier<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, before)) {
            t.setContextClassLoader(loader);
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
