// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.config.DataDir;
import org.tixun.core.users.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tixun bench-archive}: archive search, filter, sort and paging times over a large store. */
@Command(name = "bench-archive", mixinStandardHelpOptions = true,
        description = "Benchmark: archive queries over a temporary store of N records (default 100,000).")
public final class ArchiveBenchCommand implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "100000", description = "Records to generate (default ${DEFAULT-VALUE}).")
    int records;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("tixun-bench-archive");
        try (CoreServices core = CoreServices.open(DataDir.at(dir), Clock.systemUTC(), PasswordHasher.DEFAULT)) {
            long s = System.nanoTime();
            ArchiveBench.fill(core, records);
            spec.commandLine().getOut().printf("generated %,d records in %d ms (%s)%n", records,
                    (System.nanoTime() - s) / 1_000_000, dir);
            ArchiveBench.run(core, records, spec.commandLine().getOut());
        }
        return 0;
    }
}
