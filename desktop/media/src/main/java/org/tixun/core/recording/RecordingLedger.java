// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.store.Database;

/**
 * Keeps the main database and the audit log up to date with a recording: a {@code recording_segment} row when a
 * segment opens (status {@code OPEN}) and its hash, chain value, size, end and status when it closes; every event and
 * gap in the audit log (gaps with reason and times). This is the recorder's live ledger, by session; what a sealed
 * record's recording is comes from its seal ({@link SealedRecordings}), never from these rows.
 */
public final class RecordingLedger implements RecordingListener {
    private final Database db;
    private final AuditLog audit;
    private final String actor;

    /**
     * @param audit audit log, or null for none
     * @param actor the user the audit entries name when an event carries none
     */
    public RecordingLedger(Database db, AuditLog audit, String actor) {
        this.db = db;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public void segmentOpened(String sessionId, String recordId, int index, Path file, Instant start) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_segment(id, record_id, session_id, "
                    + "segment, path, started_at, status) VALUES (?,?,?,?,?,?,'OPEN') ON CONFLICT(session_id, segment) "
                    + "DO UPDATE SET path = excluded.path, started_at = excluded.started_at, status = 'OPEN'")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, recordId);
                ps.setString(3, sessionId);
                ps.setInt(4, index);
                ps.setString(5, file.toAbsolutePath().toString());
                ps.setString(6, start.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void segmentClosed(String sessionId, String recordId, RecordingManifest.Segment s, Path file,
            String previousChain) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_segment(id, record_id, session_id, "
                    + "segment, path, sha256, prev_sha256, size_bytes, started_at, ended_at, status, chain_sha256, "
                    + "gap_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(session_id, segment) DO UPDATE SET "
                    + "sha256 = excluded.sha256, prev_sha256 = excluded.prev_sha256, size_bytes = excluded.size_bytes, "
                    + "ended_at = excluded.ended_at, status = excluded.status, chain_sha256 = excluded.chain_sha256, "
                    + "gap_reason = excluded.gap_reason")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, recordId);
                ps.setString(3, sessionId);
                ps.setInt(4, s.index());
                ps.setString(5, file.toAbsolutePath().toString());
                ps.setString(6, s.sha256());
                ps.setString(7, previousChain);
                ps.setLong(8, s.size());
                ps.setString(9, s.start().toString());
                ps.setString(10, s.end().toString());
                ps.setString(11, s.status().name());
                ps.setString(12, s.chain());
                ps.setString(13, s.status() == SegmentStatus.COMPLETE ? null : RecordingRecovery.CRASH_REASON);
                ps.executeUpdate();
            }
            return null;
        });
        if (audit != null && s.status() != SegmentStatus.COMPLETE) {
            audit.append(actor, AuditAction.RECORDING_SEGMENT_CLOSED, sessionId, s.name() + " " + s.status().name()
                    + " sha256 " + s.sha256());
        }
    }

    @Override
    public void event(String sessionId, String recordId, RecordingManifest.Event e) throws IOException {
        if (audit == null) {
            return;
        }
        String who = e.actor() != null ? e.actor() : actor;
        String details = e.kind().zh() + " (" + e.kind().en() + ") " + e.from() + (e.to() == null ? "" : " → "
                + e.to()) + (e.reason() == null ? "" : ": " + e.reason());
        AuditAction action = switch (e.kind()) {
            case STARTED -> AuditAction.RECORDING_STARTED;
            case GAP -> AuditAction.RECORDING_GAP;
            case CLOSED -> AuditAction.RECORDING_CLOSED;
            default -> AuditAction.RECORDING_EVENT;
        };
        audit.append(who, action, sessionId, details);
    }
}
