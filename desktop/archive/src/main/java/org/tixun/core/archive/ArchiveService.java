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
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.RecordingExport;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;
import org.tixun.core.records.RecordService;
import org.tixun.core.store.Database;
import org.tixun.core.sync.SyncItem;
import org.tixun.core.sync.SyncService;

/** The clerk's archive without a screen: export a record package, import and verify sealed records, sync state. */
public final class ArchiveService {
    private final Database db;
    private final RecordService records;
    private final AuditLog audit;
    private final SyncService sync;
    private final Path archiveDir;
    private final Clock clock;

    /** What an export wrote. */
    public record ExportResult(Path folder, VerificationReport report, List<Path> files) {
    }

    /** What an import filed. */
    public record ImportResult(String recordId, VerificationReport report, int recordings) {
    }

    /** One record's outcome in {@link #verifyAll}. */
    public record VerifyOutcome(String recordId, String caseNumber, boolean ok, String summary) {
    }

    /**
     * @param archiveDir where imported records are filed, e.g. {@code <data dir>/archive}
     */
    /** The archive over a data dir's store and its {@code archive/} folder. */
    public static ArchiveService of(org.tixun.core.services.CoreServices core) {
        return new ArchiveService(core.database(), core.records(), core.audit(), SyncService.of(core),
                core.dataDir().root().resolve("archive"), core.clock());
    }

    public ArchiveService(Database db, RecordService records, AuditLog audit, SyncService sync, Path archiveDir,
                          Clock clock) {
        this.db = db;
        this.records = records;
        this.audit = audit;
        this.sync = sync;
        this.archiveDir = archiveDir;
        this.clock = clock;
    }

    /** The record's sync state (empty if never queued) with its receipt once delivered. */
    public Optional<SyncItem> syncState(String recordId) {
        return sync.item(recordId);
    }

    /** The clerk's manual retry of a failed delivery. */
    public void retrySync(String actor, String recordId) {
        sync.retry(actor, recordId);
    }

    /**
     * Writes {@code <dir>/<recordId>/}: {@code record.pdf}, {@code recordings/} (working copies),
     * {@code manifest.json}, {@code verification.txt} and {@code .json}, and {@code receipt.json} once synced.
     */
    public ExportResult export(String actor, String recordId, Path dir, List<X509Certificate> trustAnchors)
            throws IOException {
        RecordService.SealedDocument doc = records.sealedDocument(recordId).orElseThrow(() -> new TixunException(
                TixunException.Exit.NOT_FOUND, "Record " + recordId + " has no sealed document to export."));
        Path folder = Files.createDirectories(dir.resolve(recordId));
        List<Path> files = new ArrayList<>();
        byte[] pdf = Files.readAllBytes(Path.of(doc.path()));
        files.add(write(folder.resolve("record.pdf"), pdf));
        List<Path> segments = recordingPaths(recordId);
        for (Path segment : segments) {
            Path target = Files.createDirectories(folder.resolve("recordings")).resolve(segment.getFileName());
            Files.copy(segment, target, StandardCopyOption.REPLACE_EXISTING);
            files.add(target);
        }
        files.addAll(exportRecording(segments, folder));
        files.add(write(folder.resolve("manifest.json"), sync.manifest(recordId).getBytes(StandardCharsets.UTF_8)));
        Path recordingDir = files.stream().anyMatch(p -> p.getParent().endsWith("recordings"))
                ? folder.resolve("recordings") : null;
        VerificationReport report = new Verifier(trustAnchors).verify("record.pdf", pdf,
                new Verifier.Options(null, recordingDir).withRecordingCheck(new RecordingVerifier()));
        files.add(write(folder.resolve("verification.txt"), report.toText().getBytes(StandardCharsets.UTF_8)));
        files.add(write(folder.resolve("verification.json"), report.toJson().getBytes(StandardCharsets.UTF_8)));
        Optional<String> receipt = sync.item(recordId).map(SyncItem::receiptJson);
        if (receipt.isPresent()) {
            files.add(write(folder.resolve("receipt.json"), receipt.get().getBytes(StandardCharsets.UTF_8)));
        }
        audit.append(actor, AuditAction.RECORD_EXPORTED, recordId, "to " + folder + " verification "
                + (report.ok() ? "ok" : "FAILED"));
        return new ExportResult(folder, report, files);
    }

    /**
     * The recording manifest of the session the segments came from (its {@code recording-manifest.json}, or the state
     * of its log) next to the segments, and the working copy {@code recording.mp4} (segments remuxed into one file).
     */
    private static List<Path> exportRecording(List<Path> segments, Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (segments.isEmpty()) {
            return out;
        }
        Path sessionDir = segments.get(0).toAbsolutePath().getParent();
        if (!Files.isRegularFile(sessionDir.resolve(RecordingManifest.FILE_NAME))
                && !Files.isRegularFile(sessionDir.resolve(org.tixun.core.recording.RecordingLog.FILE_NAME))) {
            return out;
        }
        RecordingManifest manifest = RecordingVerifier.manifestOf(sessionDir);
        out.add(write(folder.resolve("recordings").resolve(RecordingManifest.FILE_NAME), manifest.toJson()));
        out.add(RecordingExport.export(sessionDir, manifest, folder.resolve(RecordingExport.WORKING_COPY_NAME)).file());
        return out;
    }

    private static Path write(Path target, byte[] bytes) throws IOException {
        InstitutionKeyStore.writeAtomically(target, bytes);
        return target;
    }

    private List<Path> recordingPaths(String recordId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT path FROM recording_segment WHERE record_id = ? ORDER BY segment")) {
                ps.setString(1, recordId);
                List<Path> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Path.of(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Files a sealed record received from elsewhere: verified first (with its recording segments when
     * given), then copied into the archive, filed as SEALED under case {@code caseNumber} and queued for sync.
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
        String recordId = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(archiveDir.resolve(recordId));
        Path doc = write(folder.resolve("record.pdf"), pdf);
        List<Path> segments = new ArrayList<>();
        if (recordingDir != null) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(recordingDir, Files::isRegularFile)) {
                ds.forEach(segments::add);
            }
            segments.sort(null);
        }
        List<Path> copies = new ArrayList<>();
        for (Path s : segments) {
            Path target = Files.createDirectories(folder.resolve("recordings")).resolve(s.getFileName());
            Files.copy(s, target, StandardCopyOption.REPLACE_EXISTING);
            String name = s.getFileName().toString();
            // The recording manifest and log travel with the segments but are not segments themselves.
            if (!name.equals(RecordingManifest.FILE_NAME)
                    && !name.equals(org.tixun.core.recording.RecordingLog.FILE_NAME)) {
                copies.add(target);
            }
        }
        String now = Instant.now(clock).toString();
        String title = pdfFile.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        List<String[]> hashes = new ArrayList<>();
        for (Path c : copies) {
            hashes.add(new String[] {c.toString(), SyncService.sha256(c), Long.toString(Files.size(c))});
        }
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
                    ps.setString(3, "外来文书 imported record");
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
            String prev = null;
            for (int i = 0; i < hashes.size(); i++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_segment(id, record_id, session_id, "
                        + "segment, path, sha256, prev_sha256, size_bytes, started_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, recordId);
                    ps.setString(3, "import-" + recordId);
                    ps.setInt(4, i);
                    ps.setString(5, hashes.get(i)[0]);
                    ps.setString(6, hashes.get(i)[1]);
                    ps.setString(7, prev);
                    ps.setLong(8, Long.parseLong(hashes.get(i)[2]));
                    ps.setString(9, now);
                    ps.executeUpdate();
                }
                prev = hashes.get(i)[1];
            }
            return null;
        });
        records.markSealed(actor, recordId, doc.toString(), Pki.sha256Hex(pdf));
        audit.append(actor, AuditAction.RECORD_IMPORTED, recordId, "from " + pdfFile + " case " + caseNumber
                + " recordings " + copies.size());
        sync.enqueue(recordId);
        return new ImportResult(recordId, report, copies.size());
    }

    /** Verifies every sealed record in the store (in filing order); a missing file counts as a failure. */
    public List<VerifyOutcome> verifyAll(List<X509Certificate> trustAnchors) {
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
                VerificationReport report = verifier.verify(file.getFileName().toString(), Files.readAllBytes(file));
                out.add(new VerifyOutcome(row[0], row[1], report.ok(), report.ok() ? "all checks hold"
                        : report.failures().size() + " check(s) failed: " + report.failures()));
            } catch (IOException | RuntimeException e) {
                out.add(new VerifyOutcome(row[0], row[1], false, "cannot read " + file + ": " + e.getMessage()));
            }
        }
        return out;
    }
}
