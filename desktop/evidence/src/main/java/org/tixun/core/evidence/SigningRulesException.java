// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * The record cannot be sealed because signing rules are broken; it stays frozen, nothing is lost. {@link
 * #message(java.util.Locale)} lists every broken rule in the reader's language, one per line; {@link #getMessage()}
 * each line 「中文 (English)」.
 */
public final class SigningRulesException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleViolation> violations;

    public SigningRulesException(List<RuleViolation> violations) {
        super(EvidenceMessages.of("rules.refused").bilingual() + ":\n" + violations.stream()
                .map(RuleViolation::toString).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    /** The heading and every broken rule, one per line. */
    @Override
    public Message message() {
        List<Object> lines = new ArrayList<>();
        lines.add(EvidenceMessages.of("rules.refusedHeading"));
        lines.addAll(violations == null ? List.of() : violations);
        return Message.joined("\n", lines);
    }
}
