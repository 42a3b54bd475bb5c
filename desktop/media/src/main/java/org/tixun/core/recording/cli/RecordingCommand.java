// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.cli.DataDirOption;
import org.tixun.core.recording.RecordingExport;
import org.tixun.core.recording.RecordingLedger;
import org.tixun.core.recording.RecordingVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tixun recording verify|export} ({@code bench} is plugged in by the bench module). */
@Command(name = "recording", mixinStandardHelpOptions = true, description = "Session recordings: verify, export.",
        subcommands = {RecordingCommand.Verify.class, RecordingCommand.Export.class})
public final class RecordingCommand {
    public RecordingCommand() {
        // picocli
    }

    /** A directory as given, else the directory the store knows for that session id. */
    static Path resolve(String dirOrSession, DataDirOption dataDir) {
        Path p = Path.of(dirOrSession);
        if (Files.isDirectory(p)) {
            return p;
        }
        try (CoreServices core = CoreServices.open(dataDir.resolve())) {
            return RecordingLedger.sessionDirectory(core.database(), dirOrSession).orElseThrow(() ->
                    new TixunException(TixunException.Exit.NOT_FOUND, "没有这个目录或会话 (no such directory or "
                            + "session): " + dirOrSession));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every segment's hash, the hash chain and decode every segment. Exit 0 intact, 1 not.")
    public static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(index = "0", paramLabel = "DIR|SESSION_ID")
        String target;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = resolve(target, dataDir);
            RecordingVerifier.Report r = new RecordingVerifier().verify(dir, (done, total, c) -> { });
            out.print(r.toText());
            out.flush();
            return r.ok() ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the working copy: all segments in one MP4, remuxed without re-encoding.")
    public static final class Export implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(index = "0", paramLabel = "DIR|SESSION_ID")
        String target;
        @Parameters(index = "1", paramLabel = "OUT.mp4")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter w = spec.commandLine().getOut();
            RecordingExport.Result r = RecordingExport.export(resolve(target, dataDir), out);
            w.printf("工作副本 working copy: %s (%d segments, %d video packets, %d bytes)%n", r.file(), r.segments(),
                    r.videoPackets(), r.bytes());
            if (!r.skipped().isEmpty()) {
                w.println("未包含（损坏）left out (damaged): " + String.join(", ", r.skipped()));
            }
            w.flush();
            return 0;
        }
    }
}
