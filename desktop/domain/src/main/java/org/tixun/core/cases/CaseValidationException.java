// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.util.List;
import java.util.Locale;
import org.tixun.core.TixunException;
import org.tixun.core.i18n.Message;

/** A case breaks one or more rules; carries every issue so the UI can show each next to its field. */
public class CaseValidationException extends TixunException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationIssue> issues;

    public CaseValidationException(List<ValidationIssue> issues) {
        super(Exit.USAGE, Message.joined(" ", issues.stream().map(ValidationIssue::message).toList()));
        this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
        return issues;
    }

    /** Every issue's text in the language of {@code locale}, one after the other. */
    public static String describe(List<ValidationIssue> issues, Locale locale) {
        return Message.joined(" ", issues.stream().map(ValidationIssue::message).toList()).in(locale);
    }
}
