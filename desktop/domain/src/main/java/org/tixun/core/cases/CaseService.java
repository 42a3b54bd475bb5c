// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tixun.core.TixunException;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.store.Database;
import org.tixun.core.util.Messages;

/** Stores cases and their participants; saving refuses a case that breaks a rule. */
public final class CaseService {
    private static final String COLUMNS = "id, role, name, sex, organisation, aliases, date_of_birth, id_number, "
            + "ethnicity, education, occupation, household_registration, residence, prior_penalties, language, "
            + "needs_interpreter, lawyer_kind";

    private final Database db;
    private final AuditLog audit;
    private final CaseValidator validator;
    private final Clock clock;

    public CaseService(Database db, AuditLog audit, CaseValidator validator, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** One row of the case list. */
    public record CaseSummary(String id, String caseNumber, String causeOfAction, String suspectName,
                              int recordCount, String updatedAt) {
    }

    /** Creates or updates a case; throws {@link CaseValidationException} listing every broken rule. */
    public CaseFile save(String actor, CaseFile c) {
        List<ValidationIssue> issues = validator.validate(c);
        if (!issues.isEmpty()) {
            throw new CaseValidationException(issues);
        }
        boolean isNew = c.id() == null;
        String id = isNew ? UUID.randomUUID().toString() : c.id();
        String now = Instant.now(clock).toString();
        List<Participant> saved = new ArrayList<>();
        db.inTransaction(conn -> {
            if (isNew) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO case_file(id, case_number, cause_of_action, created_at, updated_at) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, c.caseNumber().strip());
                    ps.setString(3, c.causeOfAction().strip());
                    ps.setString(4, now);
                    ps.setString(5, now);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                        throw new TixunException(TixunException.Exit.USAGE,
                                Messages.of("case.numberExists", c.caseNumber()), e);
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement ps = conn.prepareStatement(
                        "UPDATE case_file SET case_number = ?, cause_of_action = ?, updated_at = ? WHERE id = ?")) {
                    ps.setString(1, c.caseNumber().strip());
                    ps.setString(2, c.causeOfAction().strip());
                    ps.setString(3, now);
                    ps.setString(4, id);
                    if (ps.executeUpdate() != 1) {
                        throw new TixunException(TixunException.Exit.NOT_FOUND, Messages.of("case.notFound", id));
                    }
                }
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM participant WHERE case_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            int position = 0;
            for (Participant p : c.participants()) {
                Participant withId = p.id() == null ? p.withId(UUID.randomUUID().toString()) : p;
                insertParticipant(conn, id, position++, withId);
                saved.add(withId);
            }
            return null;
        });
        audit.append(actor, isNew ? AuditAction.CASE_CREATED : AuditAction.CASE_UPDATED, id,
                "caseNumber=" + c.caseNumber().strip());
        return new CaseFile(id, c.caseNumber().strip(), c.causeOfAction().strip(), saved,
                isNew ? now : c.createdAt(), now);
    }

    private static void insertParticipant(Connection conn, String caseId, int position, Participant p)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO participant(case_id, position, " + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 1;
            ps.setString(i++, caseId);
            ps.setInt(i++, position);
            ps.setString(i++, p.id());
            ps.setString(i++, p.role().name());
            ps.setString(i++, nullToEmpty(p.name()));
            ps.setString(i++, p.sex() == null ? null : p.sex().name());
            ps.setString(i++, p.organisation());
            ps.setString(i++, p.aliases());
            ps.setString(i++, p.dateOfBirth() == null ? null : p.dateOfBirth().toString());
            ps.setString(i++, p.idNumber());
            ps.setString(i++, p.ethnicity());
            ps.setString(i++, p.education());
            ps.setString(i++, p.occupation());
            ps.setString(i++, p.householdRegistration());
            ps.setString(i++, p.residence());
            ps.setString(i++, p.priorPenalties());
            ps.setString(i++, p.language());
            ps.setInt(i++, p.needsInterpreter() ? 1 : 0);
            if (p.lawyerKind() == null) {
                ps.setNull(i, Types.VARCHAR);
            } else {
                ps.setString(i, p.lawyerKind().name());
            }
            ps.executeUpdate();
        }
    }

    public Optional<CaseFile> find(String id) {
        return db.withConnection(conn -> {
            String number;
            String cause;
            String created;
            String updated;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT case_number, cause_of_action, created_at, updated_at FROM case_file WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<CaseFile>empty();
                    }
                    number = rs.getString(1);
                    cause = rs.getString(2);
                    created = rs.getString(3);
                    updated = rs.getString(4);
                }
            }
            List<Participant> people = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT " + COLUMNS + " FROM participant WHERE case_id = ? ORDER BY position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        people.add(mapParticipant(rs));
                    }
                }
            }
            return Optional.of(new CaseFile(id, number, cause, people, created, updated));
        });
    }

    /** Case list, newest first, filtered by a free-text query over number, cause and participant names. */
    public List<CaseSummary> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        return db.withConnection(conn -> {
            Map<String, CaseSummary> out = new LinkedHashMap<>();
            String sql = "SELECT c.id, c.case_number, c.cause_of_action, "
                    + "(SELECT name FROM participant s WHERE s.case_id = c.id AND s.role = 'SUSPECT' LIMIT 1), "
                    + "(SELECT COUNT(*) FROM record r WHERE r.case_id = c.id), c.updated_at FROM case_file c "
                    + (q.isEmpty() ? "" : "WHERE c.case_number LIKE ?1 ESCAPE '\\' OR c.cause_of_action LIKE ?1 ESCAPE '\\' "
                    + "OR EXISTS (SELECT 1 FROM participant p WHERE p.case_id = c.id AND p.name LIKE ?1 ESCAPE '\\') ")
                    + "ORDER BY c.updated_at DESC LIMIT " + Math.max(1, limit);
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                if (!q.isEmpty()) {
                    ps.setString(1, "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new CaseSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6)));
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    private static Participant mapParticipant(ResultSet rs) throws SQLException {
        String sex = rs.getString(4);
        String dob = rs.getString(7);
        String lawyer = rs.getString(17);
        return new Participant(rs.getString(1), ParticipantRole.valueOf(rs.getString(2)), rs.getString(3),
                sex == null ? null : Sex.valueOf(sex), rs.getString(5), rs.getString(6),
                dob == null ? null : LocalDate.parse(dob), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getInt(16) != 0, lawyer == null ? null : Participant.LawyerKind.valueOf(lawyer));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

}
