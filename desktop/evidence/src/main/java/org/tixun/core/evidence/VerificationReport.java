// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Message;

/**
 * The result of verifying a sealed record: one report per signed revision plus document-wide findings.
 *
 * @param file what was verified
 * @param revisions per signed revision, in file order
 * @param document document-wide findings (frozen content, pages, coverage, seal manifest, recordings)
 */
public record VerificationReport(String file, List<RevisionReport> revisions, List<Finding> document) {
    /** Exit code: every check holds. */
    public static final int EXIT_OK = 0;
    /** Exit code: at least one check failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code: the file or a key could not be read. */
    public static final int EXIT_UNREADABLE = 2;

    /** True when every check holds. */
    public boolean ok() {
        return revisions.stream().allMatch(RevisionReport::ok) && document.stream().allMatch(Finding::ok);
    }

    public int exitCode() {
        return ok() ? EXIT_OK : EXIT_FAILED;
    }

    /** Every failed finding, revisions first. */
    public List<Finding> failures() {
        List<Finding> out = new ArrayList<>();
        for (RevisionReport r : revisions) {
            r.findings().stream().filter(f -> !f.ok()).forEach(out::add);
        }
        document.stream().filter(f -> !f.ok()).forEach(out::add);
        return out;
    }

    /** Human-readable report, every heading in Chinese then English (the command line's and the archive's copy). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(both("report.file")).append(": ").append(file).append('\n');
        for (RevisionReport r : revisions) {
            sb.append('\n').append(both("report.signature", r.revision())).append(": ")
                    .append(r.role() == null ? "" : r.role() + " ").append(r.signerName() == null ? "" : r.signerName())
                    .append(" [").append(r.fieldName()).append("]");
            if (r.timestampTime() != null) {
                sb.append(' ').append(both("report.timestamp")).append(' ').append(r.timestampTime());
            } else if (r.signingTime() != null) {
                sb.append(' ').append(both("report.claimed")).append(' ').append(r.signingTime());
            }
            sb.append('\n');
            for (Finding f : r.findings()) {
                sb.append("  ").append(f).append('\n');
            }
        }
        sb.append('\n').append(both("report.document")).append(":\n");
        for (Finding f : document) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append('\n').append(EvidenceMessages.of(ok() ? "report.passed" : "report.failed").bilingual()).append('\n');
        return sb.toString();
    }

    /** "中文 English" for a heading. */
    static String both(String key, Object... args) {
        Message m = EvidenceMessages.of(key, args);
        return m.chinese() + " " + m.english();
    }

    /** JSON report. */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new Json(file, ok(),
                    exitCode(), revisions, document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report serialisation failed", e);
        }
    }

    private record Json(String file, boolean ok, int exitCode, List<RevisionReport> revisions, List<Finding> document) {
    }
}
