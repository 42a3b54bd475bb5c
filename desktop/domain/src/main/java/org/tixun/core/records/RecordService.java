// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.CaseValidationException;
import org.tixun.core.cases.CaseValidator;
import org.tixun.core.cases.ValidationIssue;
import org.tixun.core.store.Database;
import org.tixun.core.util.Messages;

/** Records: drafts started from a template kind for a case, and the searchable record list. */
public final class RecordService {
    private static final String SELECT = "SELECT r.id, r.case_id, c.case_number, r.kind, r.title, r.status, "
            + "r.suspect_name, r.interrogators, r.created_at, r.updated_at FROM record r "
            + "JOIN case_file c ON c.id = r.case_id ";

    private final Database db;
    private final AuditLog audit;
    private final CaseValidator validator;
    private final Clock clock;

    public RecordService(Database db, AuditLog audit, CaseValidator validator, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** Starts a draft of {@code kind} for a case after checking the rules for that kind. */
    public RecordSummary createDraft(String actor, CaseFile c, String kind, String title) {
        List<ValidationIssue> issues = validator.validateForRecord(c, kind);
        if (!issues.isEmpty()) {
            throw new CaseValidationException(issues);
        }
        if (c.id() == null) {
            throw new TixunException(TixunException.Exit.USAGE, Messages.of("record.caseNotSaved"));
        }
        String id = UUID.randomUUID().toString();
        String now = Instant.now(clock).toString();
        db.inTransaction(conn -> {
            int ordinal;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT COUNT(*) FROM record WHERE case_id = ? AND kind = ?")) {
                ps.setString(1, c.id());
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ordinal = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO record(id, case_id, kind, title, ordinal, "
                    + "status, created_at, updated_at) VALUES (?,?,?,?,?,'DRAFT',?,?)")) {
                ps.setString(1, id);
                ps.setString(2, c.id());
                ps.setString(3, kind);
                ps.setString(4, title);
                ps.setInt(5, ordinal);
                ps.setString(6, now);
                ps.setString(7, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO record_revision(record_id, revision, content_json) VALUES (?, 0, '{}')")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        audit.append(actor, AuditAction.RECORD_CREATED, id, "kind=" + kind + " case=" + c.caseNumber());
        return find(id).orElseThrow();
    }

    /** The outbox item kind of a sealed record's delivery (the sync module's {@code SyncService.ITEM_KIND}). */
    public static final String OUTBOX_ITEM_KIND = "RECORD";

    private static final java.time.format.DateTimeFormatter OUTBOX_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * The outbox's time format (fixed width, so times compare as text: {@code next_attempt_at <= ?}); an
     * {@link Instant#toString()} without a fraction would sort after the same second with one.
     */
    public static String outboxTime(Instant t) {
        return OUTBOX_TIME.format(t);
    }

    /**
     * Files a sealed document for a record — status SEALED, the document's path and hash on revision 0 — and queues it
     * in the outbox for the case system, in one transaction.
     */
    public void markSealed(String actor, String recordId, String documentPath, String sha256) {
        String now = Instant.now(clock).toString();
        String queued = outboxTime(Instant.now(clock));
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE record SET status = 'SEALED', updated_at = ? WHERE id = ? AND status IN ('DRAFT','FROZEN')")) {
                ps.setString(1, now);
                ps.setString(2, recordId);
                if (ps.executeUpdate() != 1) {
                    throw new TixunException(TixunException.Exit.NOT_FOUND,
                            Messages.of("record.notFoundOrSealed", recordId));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE record_revision SET document_path = ?, "
                    + "content_sha256 = ?, sealed_at = ? WHERE record_id = ? AND revision = 0")) {
                ps.setString(1, documentPath);
                ps.setString(2, sha256);
                ps.setString(3, now);
                ps.setString(4, recordId);
                ps.executeUpdate();
            }
            // Filed and queued for the case system in the same transaction: a crash cannot leave a sealed record
            // that the outbox does not know (the sync client delivers it; case-system-api.md).
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO outbox_item(record_id, item_kind, "
                    + "state, attempts, next_attempt_at, created_at, updated_at) VALUES (?,?,'PENDING',0,?,?,?)")) {
                ps.setString(1, recordId);
                ps.setString(2, OUTBOX_ITEM_KIND);
                ps.setString(3, queued);
                ps.setString(4, queued);
                ps.setString(5, queued);
                ps.executeUpdate();
            }
            return null;
        });
        audit.append(actor, AuditAction.RECORD_SEALED, recordId, "sha256=" + sha256);
        audit.append(actor, AuditAction.SYNC_QUEUED, recordId, "queued for the case system");
    }

    /** The state of a record's delivery to the case system in the outbox ({@code PENDING}, {@code DONE}, ...). */
    public Optional<String> outboxState(String recordId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM outbox_item WHERE record_id = ? AND item_kind = ?")) {
                ps.setString(1, recordId);
                ps.setString(2, OUTBOX_ITEM_KIND);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** A record's filed sealed document: where it lies, its SHA-256 and when it was sealed. */
    public record SealedDocument(String recordId, String path, String sha256, String sealedAt) {
    }

    /** The sealed document filed for a record, if it has one. */
    public Optional<SealedDocument> sealedDocument(String recordId) {
        return db.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT document_path, content_sha256, sealed_at "
                    + "FROM record_revision WHERE record_id = ? AND document_path IS NOT NULL "
                    + "ORDER BY revision DESC LIMIT 1")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SealedDocument(recordId, rs.getString(1), rs.getString(2),
                            rs.getString(3))) : Optional.<SealedDocument>empty();
                }
            }
        });
    }

    /** Sets the delivery status of a sealed record: SEALED (queued again), SYNCED or FAILED; the caller audits. */
    public void markDelivery(String recordId, RecordStatus status) {
        if (status != RecordStatus.SEALED && status != RecordStatus.SYNCED && status != RecordStatus.FAILED) {
            throw new IllegalArgumentException("not a delivery status: " + status);
        }
        String now = Instant.now(clock).toString();
        db.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE record SET status = ?, updated_at = ? "
                    + "WHERE id = ? AND status IN ('SEALED','SYNCED','FAILED')")) {
                ps.setString(1, status.name());
                ps.setString(2, now);
                ps.setString(3, recordId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<RecordSummary> find(String id) {
        return db.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE r.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<RecordSummary>empty();
                }
            }
        });
    }

    public List<RecordSummary> forCase(String caseId) {
        return db.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE r.case_id = ? ORDER BY r.created_at")) {
                ps.setString(1, caseId);
                return readAll(ps);
            }
        });
    }

    /** The archive's filtered, paged list, newest first. */
    public List<RecordSummary> search(RecordQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + where(q, args) + "ORDER BY " + q.sort().orderBy(q.ascending()) + " LIMIT ? OFFSET ?";
        args.add(Math.max(1, q.limit()));
        args.add(Math.max(0, q.offset()));
        return db.withConnection(conn -> {
            try (PreparedStatement ps = prepare(conn, sql, args)) {
                return readAll(ps);
            }
        });
    }

    /** How many records match the filter (paging and limit ignored). */
    public int count(RecordQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM record r JOIN case_file c ON c.id = r.case_id " + where(q, args);
        return db.withConnection(conn -> {
            try (PreparedStatement ps = prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static PreparedStatement prepare(java.sql.Connection conn, String sql, List<Object> args)
            throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return ps;
    }

    private static String where(RecordQuery q, List<Object> args) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append("AND r.search_text LIKE ? ESCAPE '\\' ");
            args.add(like.toLowerCase(java.util.Locale.ROOT));
        }
        if (q.kind() != null) {
            where.append("AND r.kind = ? ");
            args.add(q.kind());
        }
        if (q.status() != null) {
            where.append("AND r.status = ? ");
            args.add(q.status().name());
        }
        if (q.from() != null) {
            where.append("AND r.created_at >= ? ");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            where.append("AND r.created_at < ? ");
            args.add(q.to().plusDays(1).toString());
        }
        return where.toString();
    }

    private static List<RecordSummary> readAll(PreparedStatement ps) throws SQLException {
        List<RecordSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static RecordSummary map(ResultSet rs) throws SQLException {
        return new RecordSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), RecordStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10));
    }
}
