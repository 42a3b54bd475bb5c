// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import org.tixun.core.records.RecordQuery;
import org.tixun.core.records.RecordService;
import org.tixun.core.records.RecordStatus;
import java.io.PrintWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.tixun.core.services.CoreServices;

/**
 * Archive query benchmark: fills a store with N records and times the queries the archive screen
 * runs (first page, deep page, text search, filters, sorting, counting) against a bare primary-key
 * page read in the same database as the baseline.
 */
public final class ArchiveBench {
    private static final String[] KINDS = {"INTERROGATION_RECORD", "INQUIRY_RECORD", "PLEA_AGREEMENT",
        "RIGHTS_NOTICE", "LENIENCY_NOTICE", "SERVICE_RECEIPT", "DETENTION_EXTENSION_NOTICE", "HEARING_OPINIONS_RECORD"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"};

    private ArchiveBench() {
    }

    /** Inserts {@code records} records spread over cases of 10 records each, in one transaction. */
    public static void fill(CoreServices core, int records) {
        core.database().inTransaction(c -> {
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            try (PreparedStatement cs = c.prepareStatement("INSERT INTO case_file(id, case_number, cause_of_action, "
                    + "created_at, updated_at) VALUES (?,?,?,?,?)");
                 PreparedStatement ps = c.prepareStatement("INSERT INTO participant(id, case_id, position, role, name) "
                         + "VALUES (?,?,?,?,?)");
                 PreparedStatement rs = c.prepareStatement("INSERT INTO record(id, case_id, kind, title, ordinal, status, "
                         + "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
                String caseId = null;
                for (int i = 0; i < records; i++) {
                    String at = start.plusSeconds(i * 600L).toString();
                    if (i % 10 == 0) {
                        caseId = UUID.randomUUID().toString();
                        cs.setString(1, caseId);
                        cs.setString(2, "演检刑诉〔" + (2024 + i / 50_000) + "〕" + (i / 10 + 1) + "号");
                        cs.setString(3, i % 20 == 0 ? "盗窃" : "诈骗");
                        cs.setString(4, at);
                        cs.setString(5, at);
                        cs.executeUpdate();
                        int n = i / 10;
                        String[][] people = {{"SUSPECT", SURNAMES[n % 10] + GIVEN[(n / 10) % 12] + GIVEN[(n / 120) % 12]},
                            {"INTERROGATOR", SURNAMES[(n + 3) % 10] + GIVEN[(n + 5) % 12]},
                            {"RECORDER", SURNAMES[(n + 7) % 10] + GIVEN[(n + 1) % 12]}};
                        for (int p = 0; p < people.length; p++) {
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setString(2, caseId);
                            ps.setInt(3, p);
                            ps.setString(4, people[p][0]);
                            ps.setString(5, people[p][1]);
                            ps.executeUpdate();
                        }
                    }
                    rs.setString(1, UUID.randomUUID().toString());
                    rs.setString(2, caseId);
                    rs.setString(3, KINDS[i % KINDS.length]);
                    rs.setString(4, KINDS[i % KINDS.length].toLowerCase(Locale.ROOT) + " " + (i % 10 + 1));
                    rs.setInt(5, i % 10 + 1);
                    rs.setString(6, RecordStatus.values()[i % 5].name());
                    rs.setString(7, at);
                    rs.setString(8, at);
                    rs.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    /** Runs the archive's queries and prints medians with the baseline ratio. */
    public static void run(CoreServices core, int records, PrintWriter out) {
        RecordService rs = core.records();
        double baseline = median(() -> core.database().withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, case_id, kind, title, status, created_at FROM record ORDER BY rowid LIMIT 50")) {
                int n = 0;
                while (r.next()) {
                    n++;
                }
                return n;
            }
        }));
        out.printf(Locale.ROOT, "archive queries over %,d records (median of 7, ms; baseline = bare 50-row primary-key"
                + " page %.2f ms)%n", records, baseline);
        report(out, baseline, "first page, newest first", () -> rs.search(RecordQuery.all(50)));
        report(out, baseline, "count all", () -> rs.count(RecordQuery.all(50)));
        report(out, baseline, "page 1,000 (offset 49,950)",
                () -> rs.search(new RecordQuery(null, null, null, null, null, 49_950, 50)));
        report(out, baseline, "status SEALED + kind, first page",
                () -> rs.search(new RecordQuery(null, "PLEA_AGREEMENT", RecordStatus.SEALED, null, null, 0, 50)));
        report(out, baseline, "date range (one month) + count", () -> rs.count(new RecordQuery(null, null, null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), 0, 50)));
        report(out, baseline, "text search: suspect name", () -> rs.search(new RecordQuery("王伟", null, null, null,
                null, 0, 50)));
        report(out, baseline, "text search: case number + count", () -> rs.count(new RecordQuery("〔2025〕9999号",
                null, null, null, null, 0, 50)));
        report(out, baseline, "sort by case number, first page", () -> rs.search(RecordQuery.all(50)
                .sortedBy(RecordQuery.Sort.CASE_NUMBER, true)));
        report(out, baseline, "sort by status, first page", () -> rs.search(RecordQuery.all(50)
                .sortedBy(RecordQuery.Sort.STATUS, true)));
    }

    private static void report(PrintWriter out, double baseline, String what, Supplier<?> query) {
        double ms = median(query);
        out.printf(Locale.ROOT, "  %-38s %8.2f ms  (%5.1f× baseline)%n", what, ms, ms / baseline);
    }

    private static double median(Supplier<?> query) {
        for (int i = 0; i < 2; i++) {
            query.get();
        }
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            query.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
