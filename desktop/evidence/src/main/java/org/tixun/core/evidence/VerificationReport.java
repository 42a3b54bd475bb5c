// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

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

    /** Human-readable report. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("文件 File: ").append(file).append('\n');
        for (RevisionReport r : revisions) {
            sb.append("\n第 ").append(r.revision()).append(" 个签名 Signature ").append(r.revision()).append(": ")
                    .append(r.role() == null ? "" : r.role() + " ").append(r.signerName() == null ? "" : r.signerName())
                    .append(" [").append(r.fieldName()).append("]");
            if (r.timestampTime() != null) {
                sb.append(" 时间戳 TSA ").append(r.timestampTime());
            } else if (r.signingTime() != null) {
                sb.append(" 声称时间 claimed ").append(r.signingTime());
            }
            sb.append('\n');
            for (Finding f : r.findings()) {
                sb.append("  ").append(f).append('\n');
            }
        }
        sb.append("\n整体 Document:\n");
        for (Finding f : document) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append(ok() ? "\n结论：全部检查通过 (all checks passed)\n" : "\n结论：验证失败 (verification FAILED)\n");
        return sb.toString();
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
