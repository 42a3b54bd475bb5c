// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.channels.FileChannel;
import org.tixun.core.i18n.Message;
import org.tixun.core.store.Database;
import org.tixun.core.store.StoreException;
import org.tixun.core.util.Hex;
import org.tixun.core.util.Messages;

/**
 * Append-only, hash-chained audit log: each entry's hash covers its fields and the previous hash;
 * the chain head is also anchored in a file beside the database so that a truncated tail shows.
 */
public final class AuditLog {
    /** The previous-hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Database db;
    private final Path anchor;
    private final Clock clock;

    public AuditLog(Database db, Path anchor, Clock clock) {
        this.db = db;
        this.anchor = anchor;
        this.clock = clock;
    }

    /**
     * Appends one entry and returns it; the database and the anchor file both move forward. Synchronised
     * so that two threads cannot interleave their database write and anchor write (the anchor would go back).
     */
    public synchronized AuditEntry append(String actor, AuditAction action, String subject, String details) {
        AuditEntry entry = db.inTransaction(c -> {
            long seq = 1;
            String prev = GENESIS;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
            String at = Instant.now(clock).toString();
            String hash = hash(seq, at, actor, action.name(), subject, details, prev);
            AuditEntry e = new AuditEntry(seq, at, actor, action.name(), subject, details, prev, hash);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_entry(seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.at());
                ps.setString(3, e.actor());
                ps.setString(4, e.action());
                ps.setString(5, e.subject());
                ps.setString(6, e.details());
                ps.setString(7, e.prevHash());
                ps.setString(8, e.hash());
                ps.executeUpdate();
            }
            return e;
        });
        writeAnchor(entry);
        return entry;
    }

    public AuditEntry append(String actor, AuditAction action, String subject) {
        return append(actor, action, subject, "");
    }

    /** Hash of one entry: SHA-256 over length-prefixed UTF-8 fields, so no two field lists collide. */
    static String hash(long seq, String at, String actor, String action, String subject, String details, String prev) {
        MessageDigest md = Hex.sha256();
        for (String field : new String[] {Long.toString(seq), at, actor, action, subject, details, prev}) {
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ':');
            md.update(b);
        }
        return Hex.of(md.digest());
    }

    private void writeAnchor(AuditEntry e) {
        Path tmp = anchor.resolveSibling(anchor.getFileName() + ".tmp");
        byte[] content = (e.seq() + " " + e.hash() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true);
            }
            try {
                Files.move(tmp, anchor, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, anchor, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            throw new StoreException(Messages.of("audit.anchorUnwritable", anchor, ex), ex);
        }
    }

    public List<AuditEntry> entries() {
        return db.withConnection(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_entry ORDER BY rowid")) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        });
    }

    /** Entries concerning one subject (a record id, a user name), oldest first. */
    public List<AuditEntry> entriesFor(String subject) {
        return entries().stream().filter(e -> e.subject().equals(subject)).toList();
    }

    /** Checks every entry and the anchor; names the first bad entry. */
    public AuditVerification verify() {
        List<AuditEntry> all;
        try {
            all = entries();
        } catch (StoreException e) {
            return AuditVerification.broken(0, Messages.of("audit.tableUnreadable", e), 0);
        }
        String prev = GENESIS;
        long expected = 1;
        long previousSeq = 0;
        for (AuditEntry e : all) {
            if (e.seq() != expected) {
                Message why = e.seq() < expected
                        ? Messages.of("audit.reordered", e.seq(), previousSeq)
                        : Messages.of("audit.missingEntry", expected, e.seq());
                return AuditVerification.broken(expected, why, all.size());
            }
            if (!e.prevHash().equals(prev)) {
                return AuditVerification.broken(e.seq(), Messages.of("audit.brokenLink", e.seq(), e.action(),
                        e.at()), all.size());
            }
            String recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                return AuditVerification.broken(e.seq(), Messages.of("audit.altered", e.seq(), e.action(), e.at()),
                        all.size());
            }
            prev = e.hash();
            previousSeq = e.seq();
            expected++;
        }
        Optional<long[]> anchorSeq = Optional.empty();
        String anchorHash = null;
        if (Files.exists(anchor)) {
            try {
                String[] parts = Files.readString(anchor, StandardCharsets.US_ASCII).strip().split(" ");
                anchorSeq = Optional.of(new long[] {Long.parseLong(parts[0])});
                anchorHash = parts[1];
            } catch (IOException | RuntimeException ex) {
                return AuditVerification.broken(0, Messages.of("audit.anchorUnreadable", anchor, ex), all.size());
            }
        } else if (!all.isEmpty()) {
            return AuditVerification.broken(0, Messages.of("audit.anchorMissing", anchor), all.size());
        }
        if (anchorSeq.isPresent()) {
            long seq = anchorSeq.get()[0];
            if (seq > all.size()) {
                return AuditVerification.broken(all.size() + 1, Messages.of("audit.tailDeleted", all.size() + 1,
                        seq), all.size());
            }
            if (seq >= 1 && !all.get((int) seq - 1).hash().equals(anchorHash)) {
                return AuditVerification.broken(seq, Messages.of("audit.headDiffers", seq), all.size());
            }
        }
        return AuditVerification.ok(all.size());
    }
}
