// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cli;

import java.nio.file.Path;
import org.tixun.core.config.DataDir;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by every command that touches the store. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $TIXUN_HOME, else the platform data dir, e.g. ~/.local/share/tixun).")
    Path dataDir;

    public DataDir resolve() {
        return DataDir.resolve(dataDir);
    }
}
