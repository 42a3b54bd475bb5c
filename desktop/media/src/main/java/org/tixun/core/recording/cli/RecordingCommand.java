// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.cli.DataDirOption;
import org.tixun.core.media.i18n.MediaMessages;
import org.tixun.core.recording.RecordingExport;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.recording.SealedRecordings;
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

    /** What to check: a recording folder as it is, or a record's sealed recording as filed. */
    record Target(Path dir, RecordingManifest manifest, String recordId) {
    }

    /**
     * A directory as given (checked against its own manifest), else a record id: the record's recording as its seal
     * states it, in the record's folder. Session ids are not accepted: several records may share one session.
     */
    static Target resolve(String dirOrRecord, DataDirOption dataDir) throws IOException {
        Path p = Path.of(dirOrRecord);
        if (Files.isDirectory(p)) {
            return new Target(p, RecordingVerifier.manifestOf(p), null);
        }
        try (CoreServices core = CoreServices.open(dataDir.resolve())) {
            if (core.records().find(dirOrRecord).isEmpty()) {
                throw new TixunException(TixunException.Exit.NOT_FOUND, MediaMessages.of("rec.cli.noSuchTarget", dirOrRecord));
            }
            var doc = core.records().sealedDocument(dirOrRecord).orElseThrow(() -> new TixunException(
                    TixunException.Exit.NOT_FOUND, MediaMessages.of("rec.cli.notSealed", dirOrRecord)));
            Optional<SealedRecordings.Recording> filed = SealedRecordings.of(core).find(dirOrRecord);
            SealedRecordings.Recording r = filed.isPresent() ? filed.get() : SealedRecordings.of(core).fileFound("system",
                    dirOrRecord, Path.of(doc.path()), SealedRecordings.Source.BACKFILLED, List.of());
            if (!r.sealedWithRecording()) {
                throw new TixunException(TixunException.Exit.NOT_FOUND, MediaMessages.of("rec.cli.sealedWithout", dirOrRecord));
            }
            return new Target(r.directory(), r.manifest(), dirOrRecord);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every segment's hash, the hash chain and decode every segment. Exit 0 intact, 1 not.")
    public static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(index = "0", paramLabel = "DIR|RECORD_ID")
        String target;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Target t = resolve(target, dataDir);
            if (t.recordId() != null) {
                out.println(MediaMessages.of("rec.cli.sealedRecording", t.recordId(), t.manifest().sessionId(),
                        t.manifest().segments().size(), t.manifest().chainHead(), t.dir()).bilingual());
            }
            RecordingVerifier.Report r = new RecordingVerifier().verify(t.dir(), t.manifest(), (done, total, c) -> { });
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
        @Parameters(index = "0", paramLabel = "DIR|RECORD_ID")
        String target;
        @Parameters(index = "1", paramLabel = "OUT.mp4")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter w = spec.commandLine().getOut();
            Target t = resolve(target, dataDir);
            RecordingExport.Result r = RecordingExport.export(t.dir(), t.manifest(), out);
            w.println(MediaMessages.of("rec.cli.workingCopy", r.file(), r.segments(), r.videoPackets(), r.bytes()).bilingual());
            if (!r.skipped().isEmpty()) {
                w.println(MediaMessages.of("rec.cli.leftOut", String.join(", ", r.skipped())).bilingual());
            }
            w.flush();
            return 0;
        }
    }
}
