// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture for every module with migration scripts: the location's {@code index.txt} must be exactly what Flyway
 * resolves there, and the copy on the class path must pass the check {@link Migrations} makes before trusting it.
 * With {@code -Dtixun.writeMigrationIndex=true} it (re)writes the index in the sources first.
 */
public final class MigrationIndexCheck {
    /** The system property that makes {@link #problems} write the index instead of only comparing it. */
    public static final String WRITE = "tixun.writeMigrationIndex";

    private MigrationIndexCheck() {
    }

    /** The index file of {@code location} in the sources of the module under test (Maven runs tests in it). */
    public static Path sourceIndex(String location) {
        return Path.of("src", "main", "resources").resolve(location).resolve(MigrationIndex.FILE);
    }

    /**
     * What is wrong with the index of {@code location} (empty when nothing): {@code indexFile} (the sources' copy)
     * against the scripts Flyway resolves with the thread's context class loader, and the class path's copy against
     * the scripts next to it.
     */
    public static List<String> problems(String location, Path indexFile) {
        String expected = MigrationIndex.render(location, FlywayMigrations.resolved(location));
        List<String> problems = new ArrayList<>();
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.writeString(indexFile, expected, StandardCharsets.UTF_8);
            }
            String actual = Files.exists(indexFile) ? Files.readString(indexFile, StandardCharsets.UTF_8) : null;
            if (!expected.equals(actual)) {
                problems.add(indexFile.toAbsolutePath() + (actual == null ? " is missing" : " is out of date")
                        + ": it must list the scripts Flyway finds in " + location + ", i.e. hold\n" + expected
                        + "Regenerate it: ./mvnw -B -o -pl <this module> test-compile surefire:test"
                        + " -Dtest=MigrationIndexTest -D" + WRITE + "=true (then rebuild the module)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MigrationIndex.Verified onClassPath = MigrationIndex.verify(Thread.currentThread().getContextClassLoader(),
                location);
        if (!onClassPath.trusted()) {
            problems.add("the index on the class path is not trusted (" + onClassPath.problem() + "): rebuild the"
                    + " module after regenerating " + indexFile);
        }
        return problems;
    }
}
