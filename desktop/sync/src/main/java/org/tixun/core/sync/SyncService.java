// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.Pki;
import org.tixun.core.recording.SealedRecordings;
import org.tixun.core.records.RecordService;
import org.tixun.core.records.RecordStatus;
import org.tixun.core.store.Database;
import org.tixun.core.sync.i18n.SyncMessages;

/** The persistent sync outbox: queues sealed records, hands due ones to workers and stores the outcome. */
public final class SyncService {
    /** The outbox item kind of a whole record delivery (document, recordings, manifest). */
    public static final String ITEM_KIND = org.tixun.core.records.RecordService.OUTBOX_ITEM_KIND;
    static final String SYSTEM_ACTOR = "sync";
    private static final Object AUDIT_LOCK = new Object();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "record_id, state, attempts, next_attempt_at, last_error, last_status, "
            + "receipt_json, destination, updated_at, synced_at, problem";

    private final Database db;
    private final RecordService records;
    private final SealedRecordings recordings;
    private final AuditLog audit;
    private final Clock clock;

    /** The sync service over a data dir's store. */
    public static SyncService of(org.tixun.core.services.CoreServices core) {
        return new SyncService(core.database(), core.records(), SealedRecordings.of(core), core.audit(),
                core.clock());
    }

    /**
     * @param recordings the records' sealed recordings: what a delivery names and sends
     */
    public SyncService(Database db, RecordService records, SealedRecordings recordings, AuditLog audit, Clock clock) {
        this.db = db;
        this.records = records;
        this.recordings = recordings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a sealed record for delivery; queuing it again changes nothing. Returns true if newly queued. */
    public boolean enqueue(String recordId) {
        if (records.sealedDocument(recordId).isEmpty()) {
            throw new TixunException(TixunException.Exit.NOT_FOUND,
                    "Record " + recordId + " has no sealed document: only sealed records are synced.");
        }
        String now = now();
        int inserted = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO outbox_item(record_id, item_kind, "
                    + "state, attempts, next_attempt_at, created_at, updated_at) VALUES (?,?,'PENDING',0,?,?,?)")) {
                ps.setString(1, recordId);
                ps.setString(2, ITEM_KIND);
                ps.setString(3, now);
                ps.setString(4, now);
                ps.setString(5, now);
                return ps.executeUpdate();
            }
        });
        if (inserted == 1) {
            audit(AuditAction.SYNC_QUEUED, recordId, "queued for the case system");
        }
        return inserted == 1;
    }

    /** Queues every sealed record that has no outbox row yet (e.g. sealed before sync existed); returns how many. */
    public int enqueueSealed() {
        List<String> ids = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM record r WHERE r.status = 'SEALED' "
                    + "AND NOT EXISTS (SELECT 1 FROM outbox_item o WHERE o.record_id = r.id AND o.item_kind = ?) "
                    + "ORDER BY r.updated_at")) {
                ps.setString(1, ITEM_KIND);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        int n = 0;
        for (String id : ids) {
            if (records.sealedDocument(id).isPresent() && enqueue(id)) {
                n++;
            }
        }
        return n;
    }

    /** The clerk's manual retry: a FAILED (or waiting) record is attempted again now, attempts reset. */
    public void retry(String actor, String recordId) {
        String now = now();
        int changed = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_item SET state = 'PENDING', attempts = 0, "
                    + "next_attempt_at = ?, last_error = NULL, last_status = NULL, problem = NULL, updated_at = ? "
                    + "WHERE record_id = ? AND item_kind = ? AND state IN ('FAILED','PENDING')")) {
                ps.setString(1, now);
                ps.setString(2, now);
                ps.setString(3, recordId);
                ps.setString(4, ITEM_KIND);
                return ps.executeUpdate();
            }
        });
        if (changed != 1) {
            throw new TixunException(TixunException.Exit.NOT_FOUND, "Record " + recordId
                    + " is not waiting in the sync outbox (unknown, being delivered, or already delivered).");
        }
        records.markDelivery(recordId, RecordStatus.SEALED);
        synchronized (AUDIT_LOCK) {
            audit.append(actor, AuditAction.SYNC_RETRY_REQUESTED, recordId, "manual retry");
        }
        // a file the clerk restored is found again (hash-checked) before the next attempt
        if (recordings.find(recordId).map(r -> !r.problems().isEmpty()).orElse(false)) {
            try {
                recordings.recheck(actor, recordId, List.of());
            } catch (IOException e) {
                throw new TixunException(TixunException.Exit.FAILED, "The recording of record " + recordId
                        + " cannot be checked again: " + e.getMessage(), e);
            }
        }
    }

    /** The sync state of one record, empty if it was never queued. */
    public Optional<SyncItem> item(String recordId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox_item WHERE record_id = ? AND item_kind = ?")) {
                ps.setString(1, recordId);
                ps.setString(2, ITEM_KIND);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<SyncItem>empty();
                }
            }
        });
    }

    /** Every queued record, oldest first. */
    public List<SyncItem> items() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox_item WHERE item_kind = ? ORDER BY created_at, id")) {
                ps.setString(1, ITEM_KIND);
                List<SyncItem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    /** How many records are in each state. */
    public Map<OutboxState, Integer> counts() {
        return db.withConnection(c -> {
            Map<OutboxState, Integer> out = new EnumMap<>(OutboxState.class);
            for (OutboxState s : OutboxState.values()) {
                out.put(s, 0);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM outbox_item WHERE item_kind = ? GROUP BY state")) {
                ps.setString(1, ITEM_KIND);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(OutboxState.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** After a crash nothing is being delivered: items left IN_PROGRESS are due again (every step is idempotent). */
    public int resetInterrupted() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_item SET state = 'PENDING' "
                    + "WHERE state = 'IN_PROGRESS' AND item_kind = ?")) {
                ps.setString(1, ITEM_KIND);
                return ps.executeUpdate();
            }
        });
    }

    /** Atomically takes up to {@code max} of the most overdue PENDING records for one worker (one commit). */
    List<String> claimDue(int max) {
        return claimDue(max, clock.instant());
    }

    /** As {@link #claimDue(int)}, only records due at {@code dueBy} (a pass never takes its own retries). */
    List<String> claimDue(int max, Instant dueBy) {
        String now = now();
        String due = ts(dueBy);
        return db.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM outbox_item WHERE state = 'PENDING' "
                    + "AND item_kind = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
                ps.setString(1, ITEM_KIND);
                ps.setString(2, due);
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<String> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_item SET state = 'IN_PROGRESS', "
                    + "updated_at = ? WHERE record_id = ? AND item_kind = ? AND state = 'PENDING'")) {
                for (String id : ids) {
                    ps.setString(1, now);
                    ps.setString(2, id);
                    ps.setString(3, ITEM_KIND);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
            return claimed;
        });
    }

    /** How many PENDING records are due at {@code dueBy}. */
    long dueCount(Instant dueBy) {
        String due = ts(dueBy);
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_item WHERE state = 'PENDING' "
                    + "AND item_kind = ? AND next_attempt_at <= ?")) {
                ps.setString(1, ITEM_KIND);
                ps.setString(2, due);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** When the next PENDING record falls due, empty if none waits. */
    Optional<Instant> nextDue() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox_item "
                    + "WHERE state = 'PENDING' AND item_kind = ?")) {
                ps.setString(1, ITEM_KIND);
                try (ResultSet rs = ps.executeQuery()) {
                    String s = rs.next() ? rs.getString(1) : null;
                    return s == null ? Optional.<Instant>empty() : Optional.of(Instant.parse(s));
                }
            }
        });
    }

    /**
     * What to send for a record: the sealed document and every segment of the recording it sealed, as filed at
     * sealing ({@link SealedRecordings}). The manifest is built once and stored, so every retry and every restart
     * sends identical bytes.
     *
     * @throws DeliveryException a {@link SyncProblem} when a sealed segment's bytes are not available: a record is
     *         never registered without the recording it sealed
     */
    public Delivery prepare(String recordId) throws DeliveryException {
        RecordService.SealedDocument doc = records.sealedDocument(recordId).orElseThrow(() ->
                DeliveryException.refused("record " + recordId + " has no sealed document in this store", null));
        Path pdf = Path.of(doc.path());
        long size;
        try {
            size = Files.size(pdf);
        } catch (IOException e) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, "the sealed document " + pdf
                    + " cannot be read (" + e.getMessage() + ")", null, null);
        }
        SealedRecordings.Recording sealed = sealedRecording(recordId, pdf);
        List<Delivery.Recording> recs = new ArrayList<>();
        for (SealedRecordings.Segment s : sealed.segments()) {
            if (s.problem() == SealedRecordings.Problem.MISSING || s.path() == null) {
                throw DeliveryException.problem(SyncProblem.RECORDING_MISSING, s.describeProblem(),
                        new Delivery.Recording(s.sealed().sha256(), s.sealed().size(), s.path(), s.sealed().index(),
                                s.sealed().name()), null);
            }
            recs.add(new Delivery.Recording(s.sealed().sha256(), s.sealed().size(), s.path(), s.sealed().index(),
                    s.sealed().name()));
        }
        String manifest = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT manifest_json FROM outbox_item WHERE record_id = ? AND item_kind = ?")) {
                ps.setString(1, recordId);
                ps.setString(2, ITEM_KIND);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (manifest == null) {
            // stored with this attempt's outcome (one commit fewer per record); building it again gives the same JSON
            manifest = buildManifest(recordId, doc, size, sealed);
        }
        return new Delivery(recordId, pdf, doc.sha256(), size, manifest, recs);
    }

    /** The record's sealed recording, filed now from its PDF if that never happened (a record sealed elsewhere). */
    private SealedRecordings.Recording sealedRecording(String recordId, Path pdf) throws DeliveryException {
        Optional<SealedRecordings.Recording> filed = recordings.find(recordId);
        if (filed.isPresent()) {
            return filed.get();
        }
        try {
            return recordings.fileFound(SYSTEM_ACTOR, recordId, pdf, SealedRecordings.Source.BACKFILLED, List.of());
        } catch (IOException e) {
            throw DeliveryException.problem(SyncProblem.DOCUMENT_MISMATCH, "the recording sealed into " + pdf
                    + " cannot be read (" + e.getMessage() + ")", null, null);
        }
    }

    /** The manifest that is (or will be) registered for a record, as JSON. */
    public String manifest(String recordId) {
        try {
            return prepare(recordId).manifestJson();
        } catch (DeliveryException e) {
            throw new TixunException(TixunException.Exit.NOT_FOUND, e.getMessage(), e);
        }
    }

    /** SHA-256 of a file in lowercase hex, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = Pki.sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digest as we read
            }
        }
        return Pki.hex(md.digest());
    }

    private String buildManifest(String recordId, RecordService.SealedDocument doc, long size,
                                 SealedRecordings.Recording sealed) {
        return db.withConnection(c -> {
            ObjectNode m = JSON.createObjectNode();
            String caseId;
            String createdAt;
            m.put("recordId", recordId);
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, r.kind, r.title, c.id, r.created_at "
                    + "FROM record r JOIN case_file c ON c.id = r.case_id WHERE r.id = ?")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("record " + recordId + " vanished");
                    }
                    m.put("caseNumber", rs.getString(1));
                    m.put("kind", rs.getString(2));
                    m.put("title", rs.getString(3));
                    caseId = rs.getString(4);
                    createdAt = rs.getString(5);
                }
            }
            m.put("sealedAt", Instant.parse(doc.sealedAt() == null ? createdAt : doc.sealedAt()).toString());
            m.put("documentSha256", doc.sha256());
            m.put("documentSize", size);
            ArrayNode participants = m.putArray("participants");
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT role, name FROM participant WHERE case_id = ? ORDER BY position")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        participants.addObject().put("role", rs.getString(1)).put("name", rs.getString(2));
                    }
                }
            }
            manifestRecordings(m, sealed);
            return m.toString();
        });
    }

    /** The sealed segments, in order, and the sealed chain head, as the contract's manifest names them. */
    static void manifestRecordings(ObjectNode m, SealedRecordings.Recording sealed) {
        ArrayNode recs = m.putArray("recordings");
        for (SealedRecordings.Segment s : sealed.segments()) {
            recs.addObject().put("sha256", s.sealed().sha256()).put("size", s.sealed().size())
                    .put("startedAt", s.sealed().start().toString()).put("endedAt", s.sealed().end().toString())
                    .put("segment", s.sealed().index());
        }
        if (sealed.chainHead() == null) {
            m.putNull("recordingChainHead");
        } else {
            m.put("recordingChainHead", sealed.chainHead());
        }
    }

    /**
     * Records delivered before schema version 5 whose registered manifest does not name the recording they sealed get
     * {@link SyncProblem#REGISTERED_WITHOUT_RECORDING} and an audit entry; returns how many.
     */
    public int flagIncompleteRegistrations(List<String> recordIds) {
        int flagged = 0;
        for (String id : recordIds) {
            Optional<SyncItem> item = item(id);
            Optional<SealedRecordings.Recording> sealed = recordings.find(id);
            if (item.isEmpty() || item.get().state() != OutboxState.DONE || sealed.isEmpty()) {
                continue;
            }
            String stored = db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT manifest_json FROM outbox_item WHERE record_id = ? AND item_kind = ?")) {
                    ps.setString(1, id);
                    ps.setString(2, ITEM_KIND);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            if (stored == null) {
                continue;
            }
            ObjectNode expected = JSON.createObjectNode();
            manifestRecordings(expected, sealed.get());
            boolean same;
            try {
                com.fasterxml.jackson.databind.JsonNode registered = JSON.readTree(stored);
                same = shas(registered.path("recordings")).equals(shas(expected.get("recordings")));
            } catch (IOException e) {
                same = false;
            }
            if (!same) {
                db.withConnection(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbox_item SET problem = ? WHERE record_id = ? AND item_kind = ?")) {
                        ps.setString(1, SyncProblem.REGISTERED_WITHOUT_RECORDING.name());
                        ps.setString(2, id);
                        ps.setString(3, ITEM_KIND);
                        return ps.executeUpdate();
                    }
                });
                audit(AuditAction.SYNC_FAILED, id, SyncProblem.REGISTERED_WITHOUT_RECORDING.zh() + " ("
                        + SyncProblem.REGISTERED_WITHOUT_RECORDING.en() + "): the registered manifest names "
                        + shas(readOrNull(stored).path("recordings")) + ", the seal " + shas(expected.get("recordings"))
                        + " (chain head " + sealed.get().chainHead() + "); ask the case system to take the record "
                        + "again");
                flagged++;
            }
        }
        return flagged;
    }

    private static com.fasterxml.jackson.databind.JsonNode readOrNull(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<String> shas(com.fasterxml.jackson.databind.JsonNode recordings) {
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : recordings) {
            out.add(r.path("sha256").asText());
        }
        return out;
    }

    /**
     * Why a queued record is where it is, for the clerk.
     *
     * @param destinationConfigured whether a case-system address is configured (Settings {@code casesystem.url})
     */
    public WaitReason reason(SyncItem i, boolean destinationConfigured) {
        String error = i.lastError();
        return switch (i.state()) {
            case DONE -> i.problem() == SyncProblem.REGISTERED_WITHOUT_RECORDING
                    ? new WaitReason(WaitReason.Code.REGISTERED_WITHOUT_RECORDING, null, null,
                            SyncMessages.of("reason.registeredWithoutRecording"))
                    : new WaitReason(WaitReason.Code.DELIVERED, null, null, SyncMessages.of("reason.delivered"));
            case IN_PROGRESS -> new WaitReason(WaitReason.Code.SENDING, null, null, SyncMessages.of("reason.sending"));
            case FAILED -> i.problem() != null
                    ? new WaitReason(WaitReason.Code.PROBLEM, error, null, SyncMessages.of("reason.problem",
                            error == null ? i.problem().message() : Message.untranslated(error)))
                    : new WaitReason(WaitReason.Code.REFUSED, error, null, i.lastStatus() == null
                            ? SyncMessages.of("reason.refused", Message.untranslated(String.valueOf(error)))
                            : SyncMessages.of("reason.refusedHttp", i.lastStatus(),
                                    Message.untranslated(String.valueOf(error))));
            case PENDING -> {
                if (i.destination() == null && error == null && !destinationConfigured) {
                    yield new WaitReason(WaitReason.Code.NO_DESTINATION, null, null,
                            SyncMessages.of("reason.noDestination"));
                }
                if (error == null) {
                    yield new WaitReason(WaitReason.Code.DUE, null, i.nextAttemptAt(), SyncMessages.of("reason.due"));
                }
                String at = i.nextAttemptAt() == null ? "-" : i.nextAttemptAt().toString();
                yield new WaitReason(WaitReason.Code.RETRY_WAIT, error, i.nextAttemptAt(),
                        SyncMessages.of("reason.retryWait", i.attempts(), Message.untranslated(error), at));
            }
        };
    }

    void succeeded(String recordId, String manifestJson, Receipt receipt, String destination) {
        String now = now();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_item SET state = 'DONE', receipt_json = ?, "
                    + "destination = ?, last_error = NULL, last_status = NULL, problem = NULL, synced_at = ?, "
                    + "updated_at = ?, "
                    + "attempts = attempts + 1, manifest_json = COALESCE(manifest_json, ?) "
                    + "WHERE record_id = ? AND item_kind = ?")) {
                ps.setString(1, receipt.toJson());
                ps.setString(2, destination);
                ps.setString(3, now);
                ps.setString(4, now);
                ps.setString(5, manifestJson);
                ps.setString(6, recordId);
                ps.setString(7, ITEM_KIND);
                ps.executeUpdate();
            }
            // joins this transaction: the single store connection is re-entrant
            records.markDelivery(recordId, RecordStatus.SYNCED);
            return null;
        });
        audit(AuditAction.SYNC_DELIVERED, recordId, "to " + destination + " receipt " + receipt.receiptId()
                + " sha256=" + receipt.documentSha256());
    }

    /**
     * Appends to the audit log one at a time: {@code AuditLog.append} writes its anchor file through a
     * shared temporary name, so concurrent appends from several worker threads would collide.
     */
    private void audit(AuditAction action, String recordId, String details) {
        synchronized (AUDIT_LOCK) {
            audit.append(SYSTEM_ACTOR, action, recordId, details);
        }
    }

    void retryLater(String recordId, String manifestJson, DeliveryException e, Duration delay, String destination) {
        String now = now();
        Instant next = clock.instant().plus(delay);
        db.withConnection(c -> update(c, recordId, "PENDING", ts(next), manifestJson, e, destination, now));
    }

    void refused(String recordId, String manifestJson, DeliveryException e, String destination) {
        String now = now();
        db.inTransaction(c -> {
            update(c, recordId, "FAILED", null, manifestJson, e, destination, now);
            records.markDelivery(recordId, RecordStatus.FAILED);
            return null;
        });
        if (e.recording() != null && (e.problem() == SyncProblem.RECORDING_MISMATCH
                || e.problem() == SyncProblem.RECORDING_MISSING)) {
            synchronized (AUDIT_LOCK) {
                recordings.markProblem(SYSTEM_ACTOR, recordId, e.recording().index(),
                        e.problem() == SyncProblem.RECORDING_MISSING ? SealedRecordings.Problem.MISSING
                                : SealedRecordings.Problem.MISMATCH, e.recording().path(), e.foundSha256());
            }
        }
        audit(AuditAction.SYNC_FAILED, recordId, (e.status() == null ? "" : "HTTP " + e.status() + ": ")
                + e.getMessage());
    }

    private static int update(Connection c, String recordId, String state, String next, String manifestJson,
                              DeliveryException e, String destination, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_item SET state = ?, attempts = attempts + 1, "
                + "next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, last_status = ?, destination = ?, "
                + "updated_at = ?, manifest_json = COALESCE(manifest_json, ?), problem = ? "
                + "WHERE record_id = ? AND item_kind = ?")) {
            ps.setString(1, state);
            ps.setString(2, next);
            ps.setString(3, e.getMessage());
            if (e.status() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, e.status());
            }
            ps.setString(5, destination);
            ps.setString(6, now);
            ps.setString(7, manifestJson);
            ps.setString(8, e.problem() == null ? null : e.problem().name());
            ps.setString(9, recordId);
            ps.setString(10, ITEM_KIND);
            return ps.executeUpdate();
        }
    }

    private static SyncItem map(ResultSet rs) throws SQLException {
        int status = rs.getInt(6);
        boolean noStatus = rs.wasNull();
        return new SyncItem(rs.getString(1), OutboxState.valueOf(rs.getString(2)), rs.getInt(3),
                instant(rs.getString(4)), rs.getString(5), noStatus ? null : status, rs.getString(7),
                rs.getString(8), instant(rs.getString(9)), instant(rs.getString(10)),
                rs.getString(11) == null ? null : SyncProblem.valueOf(rs.getString(11)));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private String now() {
        return ts(clock.instant());
    }

    /** Fixed-width UTC time so that the text order in SQL is the time order. */
    static String ts(Instant t) {
        return org.tixun.core.records.RecordService.outboxTime(t);
    }
}
