// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.TixunException;
import org.tixun.core.archive.i18n.ArchiveMessages;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingExport;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.recording.SealedRecordingReader;
import org.tixun.core.recording.RecordFiling;
import org.tixun.core.recording.SealedRecordings;
import org.tixun.core.records.RecordService;
import org.tixun.core.store.Database;
import org.tixun.core.sync.SyncItem;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.WaitReason;

/** The clerk's archive without a screen: export a record package, import and verify sealed records, sync state. */
public final class ArchiveService {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveService.class);

    private final Database db;
    private final RecordService records;
    private final SealedRecordings recordings;
    private final AuditLog audit;
    private final SyncService sync;
    private final Path archiveDir;
    private final Clock clock;

    /**
     * What an export wrote.
     *
     * @param notes what the package lacks and why (e.g. no working copy), empty when complete
     */
    public record ExportResult(Path folder, VerificationReport report, List<Path> files, List<Message> notes) {
    }

    /** What an import filed. */
    public record ImportResult(String recordId, VerificationReport report, int recordings) {
    }

    /** One record's outcome in {@link #verifyAll}. */
    public record VerifyOutcome(String recordId, String caseNumber, boolean ok, String summary) {
    }

    /**
     * @param recordings the records' sealed recordings (the one source for export, verification and sync)
     * @param archiveDir where imported records are filed, e.g. {@code <data dir>/archive}
     */
    /** The archive over a data dir's store and its {@code archive/} folder. */
    public static ArchiveService of(org.tixun.core.services.CoreServices core) {
        return new ArchiveService(core.database(), core.records(), SealedRecordings.of(core), core.audit(),
                SyncService.of(core), core.dataDir().root().resolve("archive"), core.clock());
    }

    public ArchiveService(Database db, RecordService records, SealedRecordings recordings, AuditLog audit,
                          SyncService sync, Path archiveDir, Clock clock) {
        this.db = db;
        this.records = records;
        this.recordings = recordings;
        this.audit = audit;
        this.sync = sync;
        this.archiveDir = archiveDir;
        this.clock = clock;
    }

    /**
     * Files a record just sealed: its document copied into the record's folder ({@code <archive>/<recordId>/record.pdf}),
     * its recording as the seal states it (segments taken, hash-checked, from {@code recordingDir} into
     * {@code <archive>/<recordId>/recordings/}), the record SEALED with its document, queued for sync. A recording that
     * cannot be filed now is logged and filed again from the sealed PDF before the record is sent.
     *
     * @param recordingDir the session's recording folder, null when the session was not recorded
     */
    public void fileSealed(String actor, String recordId, Path sealedPdf, String sha256, Path recordingDir) {
        new RecordFiling(records, recordings, archiveDir).fileSealed(actor, recordId, sealedPdf, sha256, recordingDir);
    }

    /** The record's sealed recording (filed now from its PDF if that never happened); empty if not sealed. */
    public Optional<SealedRecordings.Recording> recording(String recordId) throws IOException {
        Optional<SealedRecordings.Recording> r = recordings.find(recordId);
        if (r.isPresent()) {
            return r;
        }
        Optional<RecordService.SealedDocument> doc = records.sealedDocument(recordId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recordings.fileFound("system", recordId, Path.of(doc.get().path()),
                SealedRecordings.Source.BACKFILLED, List.of()));
    }

    /** The record's sync state (empty if never queued) with its receipt once delivered. */
    public Optional<SyncItem> syncState(String recordId) {
        return sync.item(recordId);
    }

    /** Why the record's delivery is where it is, in words for the clerk (empty if never queued). */
    public Optional<WaitReason> syncReason(String recordId, boolean destinationConfigured) {
        return sync.item(recordId).map(i -> sync.reason(i, destinationConfigured));
    }

    /** The clerk's manual retry of a failed delivery. */
    public void retrySync(String actor, String recordId) {
        sync.retry(actor, recordId);
    }

    /**
     * Writes {@code <dir>/<recordId>/}: {@code record.pdf}, {@code recordings/} (the sealed segments and the sealed
     * {@code recording-manifest.json}), {@code recording.mp4} (working copy), {@code manifest.json},
     * {@code verification.txt} and {@code .json}, and {@code receipt.json} once synced. The package is built under a
     * temporary name and renamed into place when complete: a full disk or a crash leaves no half package under the
     * record's name (the temporary folder is removed, or at the next export of the record).
     */
    public ExportResult export(String actor, String recordId, Path dir, List<X509Certificate> trustAnchors)
            throws IOException {
        RecordService.SealedDocument doc = records.sealedDocument(recordId).orElseThrow(() -> new TixunException(
                TixunException.Exit.NOT_FOUND, "Record " + recordId + " has no sealed document to export."));
        SealedRecordings.Recording rec = recording(recordId).orElseThrow();
        if (!rec.problems().isEmpty()) {
            // a file may have been restored since: look again before refusing
            rec = recordings.recheck(actor, recordId, List.of()).orElseThrow();
        }
        if (!rec.problems().isEmpty()) {
            throw new TixunException(TixunException.Exit.FAILED, "Record " + recordId + " cannot be exported whole: "
                    + rec.problems().stream().map(SealedRecordings.Segment::describeProblem).toList()
                    + ". Restore the sealed files (tixun recording verify " + recordId + " shows them), then export again.");
        }
        Files.createDirectories(dir);
        removeLeftovers(dir, recordId);
        Path tmp = dir.resolve("." + recordId + ".tmp-" + UUID.randomUUID());
        Path folder = dir.resolve(recordId);
        try {
            Files.createDirectories(tmp);
            Built built = build(recordId, doc, rec, tmp, trustAnchors);
            replace(tmp, folder);
            List<Path> files = built.files().stream().map(p -> folder.resolve(tmp.relativize(p))).toList();
            audit.append(actor, AuditAction.RECORD_EXPORTED, recordId, "to " + folder + " with "
                    + rec.segments().size() + " recording segments, verification "
                    + (built.report().ok() ? "ok" : "FAILED"));
            return new ExportResult(folder, built.report(), files, built.notes());
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io && isNoSpace(io)) {
                throw new TixunException(TixunException.Exit.FAILED, ArchiveMessages.of("export.noSpace", dir), e);
            }
            throw e;
        }
    }

    private record Built(VerificationReport report, List<Path> files, List<Message> notes) {
    }

    private Built build(String recordId, RecordService.SealedDocument doc, SealedRecordings.Recording rec, Path folder,
                        List<X509Certificate> trustAnchors) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Message> notes = new ArrayList<>();
        Path pdfFile = Path.of(doc.path());
        files.add(copy(pdfFile, folder.resolve("record.pdf")));
        Path recordingDir = null;
        if (rec.sealedWithRecording()) {
            recordingDir = Files.createDirectories(folder.resolve("recordings"));
            for (SealedRecordings.Segment s : rec.segments()) {
                files.add(copy(s.path(), recordingDir.resolve(s.sealed().name())));
            }
            files.add(write(recordingDir.resolve(RecordingManifest.FILE_NAME), rec.manifestJson()));
            try {
                files.add(RecordingExport.export(recordingDir, rec.manifest(),
                        folder.resolve(RecordingExport.WORKING_COPY_NAME)).file());
            } catch (IOException e) {
                if (isNoSpace(e)) {
                    throw e;
                }
                Files.deleteIfExists(folder.resolve(RecordingExport.WORKING_COPY_NAME));
                notes.add(ArchiveMessages.of("export.noWorkingCopy", RecordingExport.WORKING_COPY_NAME, e));
            }
        }
        files.add(write(folder.resolve("manifest.json"), sync.manifest(recordId).getBytes(StandardCharsets.UTF_8)));
        byte[] pdf = Files.readAllBytes(folder.resolve("record.pdf"));
        VerificationReport report = new Verifier(trustAnchors).verify("record.pdf", pdf,
                new Verifier.Options(null, recordingDir).withRecordingCheck(new RecordingVerifier()));
        files.add(write(folder.resolve("verification.txt"), report.toText().getBytes(StandardCharsets.UTF_8)));
        files.add(write(folder.resolve("verification.json"), report.toJson().getBytes(StandardCharsets.UTF_8)));
        Optional<String> receipt = sync.item(recordId).map(SyncItem::receiptJson);
        if (receipt.isPresent()) {
            files.add(write(folder.resolve("receipt.json"), receipt.get().getBytes(StandardCharsets.UTF_8)));
        }
        return new Built(report, files, notes);
    }

    /** Moves the complete package into place; an earlier export of the record is replaced only then. */
    private static void replace(Path tmp, Path folder) throws IOException {
        forceDirectory(tmp);
        if (Files.exists(folder)) {
            Path old = folder.resolveSibling("." + folder.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
        }
        forceDirectory(folder.getParent());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened for fsync; the rename itself is atomic
        }
    }

    private static void removeLeftovers(Path dir, String recordId) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + recordId + ".{tmp,old}-*")) {
            for (Path p : ds) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    /** True when the cause is a full file system (ENOSPC), however the layer above words it. */
    static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("ENOSPC")
                    || m.contains("not enough space") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private static Path copy(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return target;
    }

    private static Path write(Path target, byte[] bytes) throws IOException {
        InstitutionKeyStore.writeAtomically(target, bytes);
        return target;
    }

    /**
     * Files a sealed record received from elsewhere: verified first (with its recording segments when
     * given), then copied into the archive, filed as SEALED under case {@code caseNumber} and queued for sync. A
     * record whose seal names a recording is only filed with it.
     *
     * @throws TixunException with {@link TixunException.Exit#FAILED} and the report when it does not verify
     */
    public ImportResult importSealed(String actor, Path pdfFile, Path recordingDir, String caseNumber,
                                     List<X509Certificate> trustAnchors) throws IOException {
        byte[] pdf = Files.readAllBytes(pdfFile);
        VerificationReport report = new Verifier(trustAnchors).verify(pdfFile.getFileName().toString(), pdf,
                new Verifier.Options(null, recordingDir).withRecordingCheck(new RecordingVerifier()));
        if (!report.ok()) {
            throw new TixunException(TixunException.Exit.FAILED, "The record " + pdfFile
                    + " does not verify; nothing was filed.\n" + report.toText());
        }
        Optional<SealedRecordingReader.Sealed> sealedRecording = SealedRecordingReader.read(pdf);
        if (sealedRecording.isPresent() && recordingDir == null) {
            throw new TixunException(TixunException.Exit.USAGE, "The record " + pdfFile + " sealed a recording of "
                    + sealedRecording.get().manifest().segments().size() + " segments (session "
                    + sealedRecording.get().manifest().sessionId() + "): import it with --recording DIR, the folder "
                    + "holding those segments. Nothing was filed.");
        }
        String recordId = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(archiveDir.resolve(recordId));
        Path doc = write(folder.resolve("record.pdf"), pdf);
        String now = Instant.now(clock).toString();
        String title = pdfFile.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        db.inTransaction(c -> {
            String caseId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM case_file WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    caseId = rs.next() ? rs.getString(1) : null;
                }
            }
            if (caseId == null) {
                caseId = UUID.randomUUID().toString();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_file(id, case_number, cause_of_action, "
                        + "created_at, updated_at) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, caseId);
                    ps.setString(2, caseNumber);
                    ps.setString(3, ArchiveWords.IMPORTED_CAUSE);
                    ps.setString(4, now);
                    ps.setString(5, now);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record(id, case_id, kind, title, status, "
                    + "created_at, updated_at) VALUES (?,?,?,?,'DRAFT',?,?)")) {
                ps.setString(1, recordId);
                ps.setString(2, caseId);
                ps.setString(3, "INTERROGATION_RECORD");
                ps.setString(4, title);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO record_revision(record_id, revision, content_json) VALUES (?, 0, '{}')")) {
                ps.setString(1, recordId);
                ps.executeUpdate();
            }
            return null;
        });
        SealedRecordings.Recording rec = recordings.file(actor, recordId, doc,
                recordingDir == null ? List.of() : List.of(recordingDir), SealedRecordings.Source.IMPORTED);
        records.markSealed(actor, recordId, doc.toString(), Pki.sha256Hex(pdf));
        audit.append(actor, AuditAction.RECORD_IMPORTED, recordId, "from " + pdfFile + " case " + caseNumber
                + " recordings " + rec.segments().size());
        sync.enqueue(recordId);
        return new ImportResult(recordId, report, rec.segments().size());
    }

    /**
     * Verifies every sealed record in the store (in filing order): the document, and its recording as filed (each
     * segment's SHA-256 and the chain; with {@code decode} every segment is also decoded). A missing file counts as a
     * failure.
     */
    public List<VerifyOutcome> verifyAll(List<X509Certificate> trustAnchors) {
        return verifyAll(trustAnchors, false);
    }

    /** As {@link #verifyAll(List)}; {@code decode} also decodes every recording segment (slow on a large archive). */
    public List<VerifyOutcome> verifyAll(List<X509Certificate> trustAnchors, boolean decode) {
        List<String[]> rows = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, cf.case_number, v.document_path FROM record r "
                    + "JOIN case_file cf ON cf.id = r.case_id JOIN record_revision v ON v.record_id = r.id "
                    + "AND v.revision = r.current_revision WHERE v.document_path IS NOT NULL "
                    + "AND r.status IN ('SEALED','SYNCED','FAILED') ORDER BY v.sealed_at, r.id")) {
                List<String[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
                return out;
            }
        });
        Verifier verifier = new Verifier(trustAnchors);
        List<VerifyOutcome> out = new ArrayList<>();
        for (String[] row : rows) {
            Path file = Path.of(row[2]);
            try {
                byte[] pdf = Files.readAllBytes(file);
                Path recordingDir = recording(row[0]).filter(SealedRecordings.Recording::sealedWithRecording)
                        .map(SealedRecordings.Recording::directory).orElse(null);
                Verifier.Options options = new Verifier.Options(null, recordingDir);
                if (decode) {
                    options = options.withRecordingCheck(new RecordingVerifier());
                }
                VerificationReport report = verifier.verify(file.getFileName().toString(), pdf, options);
                out.add(new VerifyOutcome(row[0], row[1], report.ok(), report.ok() ? "all checks hold"
                        : report.failures().size() + " check(s) failed: " + report.failures()));
            } catch (IOException | RuntimeException e) {
                out.add(new VerifyOutcome(row[0], row[1], false, "cannot read " + file + ": " + e.getMessage()));
            }
        }
        return out;
    }
}
