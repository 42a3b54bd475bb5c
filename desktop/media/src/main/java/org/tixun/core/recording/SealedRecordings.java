// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.store.Database;

/**
 * A record's recording as its sealed document states it, the one source every reader uses (archive tab, export,
 * verification, sync): the sealed {@code recording-manifest.json}, each segment's hash, size, times and index, and
 * where its bytes are. Filing takes the bytes into the record's own folder ({@code <archive>/<recordId>/recordings/},
 * hard-linked when the file system allows, else copied) after checking each against its sealed SHA-256, so another
 * session, a demo run or a cleaned-up session folder cannot change what belongs to the record.
 */
public final class SealedRecordings {
    private static final Logger LOG = LoggerFactory.getLogger(SealedRecordings.class);
    private static final String SYSTEM_ACTOR = "system";

    private final Database db;
    private final AuditLog audit;
    private final Path archiveDir;
    private final Clock clock;

    /** How the recording came to be filed. */
    public enum Source {
        /** At sealing, from the session's recording folder. */
        SEALED,
        /** With a sealed record imported from elsewhere. */
        IMPORTED,
        /** Read back from the sealed PDF of a record filed before schema version 5. */
        BACKFILLED
    }

    /** What is wrong with a segment's bytes. */
    public enum Problem {
        /** Not found (not in the record's folder nor anywhere it was looked for). */
        MISSING,
        /** The file's SHA-256 is not the sealed one. */
        MISMATCH;

        /** The problem's name as a message ({@code rec.sealed.problem.<NAME>}). */
        public Message message() {
            return MediaMessages.of("rec.sealed.problem." + name());
        }

        /** The problem's name in Chinese. */
        public String zh() {
            return message().chinese();
        }

        /** The problem's name in English. */
        public String en() {
            return message().english();
        }
    }

    /**
     * One sealed segment and its bytes.
     *
     * @param sealed the segment as the sealed manifest lists it
     * @param path where its bytes are; with {@link Problem#MISMATCH} the file that was found, with
     *             {@link Problem#MISSING} where they belong (the record's folder)
     * @param problem null when the file at {@code path} had the sealed hash when last checked
     * @param foundSha256 with {@link Problem#MISMATCH}: what the file hashed to
     * @param checkedAt when the file was last hashed
     */
    public record Segment(RecordingManifest.Segment sealed, Path path, Problem problem, String foundSha256,
            Instant checkedAt) {
        /** A sentence for the clerk: the file and both hashes (zh, then en; as the audit log keeps it). */
        public String describeProblem() {
            return problem == null ? "" : problemMessage().bilingual();
        }

        /** The problem, the file and both hashes as a message for the reader's language; null without a problem. */
        public Message problemMessage() {
            if (problem == null) {
                return null;
            }
            String file = path == null ? sealed.name() : path.toString();
            return problem == Problem.MISMATCH
                    ? MediaMessages.of("rec.sealed.mismatch", problem.message(), file, sealed.sha256(), foundSha256)
                    : MediaMessages.of("rec.sealed.missing", problem.message(), sealed.index(), sealed.sha256(), file);
        }
    }

    /**
     * A record's sealed recording.
     *
     * @param manifestJson the sealed {@code recording-manifest.json} bytes; null when the seal carries no recording
     * @param manifest parsed, null when none
     * @param directory the record's recording folder (its segments by name and the sealed manifest)
     */
    public record Recording(String recordId, String documentSha256, Source source, Instant filedAt,
            byte[] manifestJson, String manifestSha256, RecordingManifest manifest, Path directory,
            List<Segment> segments) {
        public Recording {
            segments = List.copyOf(segments);
        }

        /** True when the seal carries a recording manifest (possibly with no segments). */
        public boolean sealedWithRecording() {
            return manifest != null;
        }

        /** The sealed chain head, null without a recording. */
        public String chainHead() {
            return manifest == null ? null : manifest.chainHead();
        }

        /** Segments whose bytes are missing or altered. */
        public List<Segment> problems() {
            return segments.stream().filter(s -> s.problem() != null).toList();
        }
    }

    /**
     * @param archiveDir the archive root; a record's recording goes to {@code <archiveDir>/<recordId>/recordings/}
     */
    /** The sealed recordings of a data dir's store, filed under its {@code archive/} folder. */
    public static SealedRecordings of(org.tixun.core.services.CoreServices core) {
        return new SealedRecordings(core.database(), core.audit(), core.dataDir().root().resolve("archive"),
                core.clock());
    }

    public SealedRecordings(Database db, AuditLog audit, Path archiveDir, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.archiveDir = archiveDir;
        this.clock = clock;
    }

    /** The folder that holds a record's recording. */
    public Path directoryOf(String recordId) {
        return archiveDir.resolve(recordId).resolve("recordings");
    }

    /**
     * Files the recording sealed into {@code sealedPdf} for {@code recordId}: takes each segment from the first of
     * {@code sources} (folders) that holds a file of its name with its sealed SHA-256, into the record's folder.
     * Repeating it changes nothing; a segment not found (or only with other bytes) is filed with its problem, audited,
     * and found later when a source is given again.
     *
     * @throws IOException when the PDF cannot be read or its recording manifest is not the sealed one
     */
    public Recording file(String actor, String recordId, Path sealedPdf, List<Path> sources, Source source)
            throws IOException {
        Optional<SealedRecordingReader.Sealed> sealed = SealedRecordingReader.read(sealedPdf);
        return file(actor, recordId, sha256(sealedPdf), sealed.orElse(null), sources, source);
    }

    private Recording file(String actor, String recordId, String documentSha256,
            SealedRecordingReader.Sealed sealed, List<Path> sources, Source source) throws IOException {
        Optional<Recording> before = find(recordId);
        String now = clock.instant().toString();
        if (sealed == null) {
            Recording none = new Recording(recordId, documentSha256, source, Instant.parse(now), null, null, null, null,
                    List.of());
            store(none);
            return none;
        }
        Path dir = Files.createDirectories(directoryOf(recordId));
        Path manifestFile = dir.resolve(RecordingManifest.FILE_NAME);
        if (!Files.exists(manifestFile) || !java.util.Arrays.equals(Files.readAllBytes(manifestFile), sealed.json())) {
            InstitutionKeyStore.writeAtomically(manifestFile, sealed.json());
        }
        List<Segment> segments = new ArrayList<>();
        for (RecordingManifest.Segment s : sealed.manifest().segments()) {
            segments.add(adopt(dir, s, sources));
        }
        Recording r = new Recording(recordId, documentSha256, source, Instant.parse(now), sealed.json(),
                sealed.sha256(), sealed.manifest(), dir, segments);
        store(r);
        if (before.isEmpty() || !before.get().documentSha256().equals(documentSha256)) {
            audit(actor, AuditAction.RECORDING_FILED, recordId, source.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + segments.size() + " segments of session " + sealed.manifest().sessionId() + ", chain head "
                    + sealed.manifest().chainHead() + ", in " + dir);
        }
        for (Segment s : segments) {
            Segment was = before.flatMap(b -> b.segments().stream()
                    .filter(x -> x.sealed().index() == s.sealed().index()).findFirst()).orElse(null);
            if (s.problem() != null && (was == null || was.problem() != s.problem())) {
                audit(actor, s.problem() == Problem.MISSING ? AuditAction.RECORDING_MISSING
                        : AuditAction.RECORDING_MISMATCH, recordId, s.describeProblem());
            }
        }
        return r;
    }

    /** The segment in the record's folder: already there, or taken from a source after checking its hash. */
    private Segment adopt(Path dir, RecordingManifest.Segment s, List<Path> sources) throws IOException {
        Path target = dir.resolve(s.name());
        Instant now = clock.instant();
        String held = null;
        if (Files.isRegularFile(target)) {
            held = sha256(target);
            if (held.equals(s.sha256()) && Files.size(target) == s.size()) {
                return new Segment(s, target, null, null, now);
            }
        }
        Path mismatched = held == null ? null : target;
        String mismatchedSha = held;
        for (Path source : new LinkedHashSet<>(sources)) {
            if (source == null) {
                continue;
            }
            Path candidate = source.resolve(s.name());
            if (!Files.isRegularFile(candidate) || sameFile(candidate, target)) {
                continue;
            }
            if (Files.size(candidate) != s.size()) {
                // a file of that name with other bytes: say so (with its hash) unless the right one turns up
                if (mismatched == null) {
                    mismatched = candidate;
                    mismatchedSha = sha256(candidate);
                }
                continue;
            }
            String found = take(candidate, target, s.sha256());
            if (found.equals(s.sha256())) {
                return new Segment(s, target, null, null, now);
            }
            if (mismatched == null) {
                mismatched = candidate;
                mismatchedSha = found;
            }
        }
        if (mismatched != null) {
            return new Segment(s, mismatched, Problem.MISMATCH, mismatchedSha, now);
        }
        return new Segment(s, target, Problem.MISSING, null, now);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts {@code source} at {@code target} (a hard link, else a copy) if its bytes hash to {@code sha256}; returns
     * the hash found. Nothing replaces the target unless the hash matches.
     */
    private static String take(Path source, Path target, String sha256) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            String found;
            boolean linked;
            try {
                Files.createLink(tmp, source);
                linked = true;
            } catch (FileSystemException | UnsupportedOperationException e) {
                linked = false; // another file system (or no hard links): copy instead
            }
            if (linked) {
                found = sha256(tmp);
            } else {
                found = copyHashing(source, tmp);
            }
            if (found.equals(sha256)) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return found;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest md = Pki.sha256Digest();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        try (var ch = java.nio.channels.FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return Pki.hex(md.digest());
    }

    private void store(Recording r) {
        db.inTransaction(c -> {
            // replaces whatever is there (another process may have filed the same record meanwhile)
            delete(c, "DELETE FROM record_recording_segment WHERE record_id = ?", r.recordId());
            delete(c, "DELETE FROM record_recording WHERE record_id = ?", r.recordId());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_recording(record_id, document_sha256, "
                    + "has_recording, session_id, manifest_sha256, manifest_json, chain_head, directory, source, "
                    + "filed_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.recordId());
                ps.setString(2, r.documentSha256());
                ps.setInt(3, r.sealedWithRecording() ? 1 : 0);
                ps.setString(4, r.manifest() == null ? null : r.manifest().sessionId());
                ps.setString(5, r.manifestSha256());
                ps.setString(6, r.manifestJson() == null ? null : new String(r.manifestJson(), StandardCharsets.UTF_8));
                ps.setString(7, r.chainHead());
                ps.setString(8, r.directory() == null ? null : r.directory().toString());
                ps.setString(9, r.source().name());
                ps.setString(10, r.filedAt().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_recording_segment(record_id, "
                    + "segment_index, name, sha256, size_bytes, started_at, ended_at, status, chain_sha256, path, "
                    + "problem, found_sha256, checked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Segment s : r.segments()) {
                    RecordingManifest.Segment m = s.sealed();
                    ps.setString(1, r.recordId());
                    ps.setInt(2, m.index());
                    ps.setString(3, m.name());
                    ps.setString(4, m.sha256());
                    ps.setLong(5, m.size());
                    ps.setString(6, m.start().toString());
                    ps.setString(7, m.end().toString());
                    ps.setString(8, m.status().name());
                    ps.setString(9, m.chain());
                    ps.setString(10, s.path() == null ? null : s.path().toString());
                    ps.setString(11, s.problem() == null ? null : s.problem().name());
                    ps.setString(12, s.foundSha256());
                    ps.setString(13, s.checkedAt() == null ? null : s.checkedAt().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void delete(Connection c, String sql, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, recordId);
            ps.executeUpdate();
        }
    }

    /** The record's sealed recording as filed; empty when the record was never filed (not sealed, or not yet). */
    public Optional<Recording> find(String recordId) {
        return db.withConnection(c -> {
            Recording head;
            try (PreparedStatement ps = c.prepareStatement("SELECT document_sha256, has_recording, manifest_sha256, "
                    + "manifest_json, directory, source, filed_at FROM record_recording WHERE record_id = ?")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Recording>empty();
                    }
                    byte[] json = rs.getInt(2) == 1 ? rs.getString(4).getBytes(StandardCharsets.UTF_8) : null;
                    RecordingManifest m;
                    try {
                        m = json == null ? null : RecordingManifest.parse(json);
                    } catch (IOException e) {
                        throw new SQLException("the stored recording manifest of record " + recordId
                                + " cannot be parsed: " + e.getMessage(), e);
                    }
                    head = new Recording(recordId, rs.getString(1), Source.valueOf(rs.getString(6)),
                            Instant.parse(rs.getString(7)), json, rs.getString(3), m,
                            rs.getString(5) == null ? null : Path.of(rs.getString(5)), List.of());
                }
            }
            List<Segment> segments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT segment_index, name, started_at, ended_at, "
                    + "size_bytes, sha256, chain_sha256, status, path, problem, found_sha256, checked_at "
                    + "FROM record_recording_segment WHERE record_id = ? ORDER BY segment_index")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordingManifest.Segment s = new RecordingManifest.Segment(rs.getInt(1), rs.getString(2),
                                Instant.parse(rs.getString(3)), Instant.parse(rs.getString(4)), rs.getLong(5),
                                rs.getString(6), rs.getString(7), SegmentStatus.valueOf(rs.getString(8)));
                        segments.add(new Segment(s, rs.getString(9) == null ? null : Path.of(rs.getString(9)),
                                rs.getString(10) == null ? null : Problem.valueOf(rs.getString(10)), rs.getString(11),
                                rs.getString(12) == null ? null : Instant.parse(rs.getString(12))));
                    }
                }
            }
            return Optional.of(new Recording(head.recordId(), head.documentSha256(), head.source(), head.filedAt(),
                    head.manifestJson(), head.manifestSha256(), head.manifest(), head.directory(), segments));
        });
    }

    /**
     * Hashes a record's segment files again and stores what was found (a restored file clears its problem, an altered
     * one gets {@link Problem#MISMATCH}); missing bytes are looked for in {@code sources} as well. Returns the result.
     */
    public Optional<Recording> recheck(String actor, String recordId, List<Path> sources) throws IOException {
        Optional<Recording> r = find(recordId);
        if (r.isEmpty() || !r.get().sealedWithRecording()) {
            return r;
        }
        Recording rec = r.get();
        return Optional.of(file(actor, recordId, rec.documentSha256(), new SealedRecordingReader.Sealed(
                rec.manifestJson(), rec.manifestSha256(), rec.manifest()), sources, rec.source()));
    }

    /** Notes a problem found outside filing (e.g. by the sync worker hashing a file before it sends it). */
    public void markProblem(String actor, String recordId, int index, Problem problem, Path path, String foundSha256) {
        int n = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE record_recording_segment SET problem = ?, "
                    + "found_sha256 = ?, path = COALESCE(?, path), checked_at = ? "
                    + "WHERE record_id = ? AND segment_index = ?")) {
                ps.setString(1, problem.name());
                ps.setString(2, foundSha256);
                ps.setString(3, path == null ? null : path.toString());
                ps.setString(4, clock.instant().toString());
                ps.setString(5, recordId);
                ps.setInt(6, index);
                return ps.executeUpdate();
            }
        });
        if (n == 1) {
            find(recordId).flatMap(r -> r.segments().stream().filter(s -> s.sealed().index() == index).findFirst())
                    .ifPresent(s -> audit(actor, problem == Problem.MISSING ? AuditAction.RECORDING_MISSING
                            : AuditAction.RECORDING_MISMATCH, recordId, s.describeProblem()));
        }
    }

    /**
     * Files the sealed recording of every sealed record that has none yet (records sealed before schema version 5):
     * reads the manifest from the sealed PDF and looks for the bytes, hash-checked, where earlier versions kept them
     * (the folders of the store's {@code recording_segment} rows for the record or its session, the sealed PDF's
     * {@code recording} sibling folder, the record's archive folder). Returns the ids filed; a record whose PDF cannot
     * be read is logged and tried again at the next start.
     */
    public List<String> backfill() {
        List<String[]> todo = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, v.document_path FROM record r "
                    + "JOIN record_revision v ON v.record_id = r.id AND v.document_path IS NOT NULL "
                    + "AND v.revision = (SELECT MAX(x.revision) FROM record_revision x WHERE x.record_id = r.id "
                    + "AND x.document_path IS NOT NULL) "
                    + "WHERE r.status IN ('SEALED','SYNCED','FAILED') "
                    + "AND NOT EXISTS (SELECT 1 FROM record_recording rr WHERE rr.record_id = r.id) ORDER BY r.id")) {
                List<String[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                return out;
            }
        });
        List<String> filed = new ArrayList<>();
        for (String[] row : todo) {
            try {
                fileFound(SYSTEM_ACTOR, row[0], Path.of(row[1]), Source.BACKFILLED, List.of());
                filed.add(row[0]);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Recording of record {} not filed yet: {}", row[0], e.getMessage());
            }
        }
        if (!filed.isEmpty()) {
            LOG.info("Filed the sealed recordings of {} records sealed before schema version 5", filed.size());
        }
        return filed;
    }

    /**
     * Files a record's sealed recording, looking for its bytes in {@code sources} first, then where earlier versions
     * kept them (see {@link #backfill()}).
     */
    public Recording fileFound(String actor, String recordId, Path sealedPdf, Source source, List<Path> sources)
            throws IOException {
        Optional<SealedRecordingReader.Sealed> sealed = SealedRecordingReader.read(sealedPdf);
        List<Path> all = new ArrayList<>(sources);
        all.add(directoryOf(recordId));
        if (sealed.isPresent()) {
            all.addAll(ledgerDirectories(recordId, sealed.get().manifest().sessionId()));
        }
        Path parent = sealedPdf.toAbsolutePath().getParent();
        all.add(parent.resolve("recording"));
        all.add(parent.resolve("recordings"));
        all.add(parent);
        return file(actor, recordId, sha256(sealedPdf), sealed.orElse(null), all, source);
    }

    /** Folders the recorder's ledger knows for the record or the session: places to look, never the answer. */
    private List<Path> ledgerDirectories(String recordId, String sessionId) {
        return db.withConnection(c -> {
            Set<Path> dirs = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM recording_segment "
                    + "WHERE record_id = ? OR session_id = ? ORDER BY started_at, segment")) {
                ps.setString(1, recordId);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Path p = Path.of(rs.getString(1)).toAbsolutePath().getParent();
                        if (p != null) {
                            dirs.add(p);
                        }
                    }
                }
            }
            return List.copyOf(dirs);
        });
    }

    private void audit(String actor, AuditAction action, String recordId, String details) {
        if (audit != null) {
            audit.append(actor, action, recordId, details);
        }
    }

    /** SHA-256 of a file in lowercase hex, streamed. */
    static String sha256(Path file) throws IOException {
        return RecordingRecovery.sha256(file);
    }
}
