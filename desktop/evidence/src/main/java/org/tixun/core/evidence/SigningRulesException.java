// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.util.List;
import java.util.stream.Collectors;

/** The record cannot be sealed because signing rules are broken; it stays frozen, nothing is lost. */
public final class SigningRulesException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleViolation> violations;

    public SigningRulesException(List<RuleViolation> violations) {
        super("不能封存笔录 (record cannot be sealed):\n" + violations.stream().map(RuleViolation::toString)
                .collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
