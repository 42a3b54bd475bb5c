// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tixun.core.TixunException;
import org.tixun.core.util.Messages;

/** A case breaks one or more rules; carries every issue so the UI can show each next to its field. */
public class CaseValidationException extends TixunException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationIssue> issues;

    public CaseValidationException(List<ValidationIssue> issues) {
        super(Exit.USAGE, describe(issues, Locale.ENGLISH));
        this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
        return issues;
    }

    public static String describe(List<ValidationIssue> issues, Locale locale) {
        return issues.stream().map(i -> Messages.get(locale, i.key(), i.args())).collect(Collectors.joining(" "));
    }
}
