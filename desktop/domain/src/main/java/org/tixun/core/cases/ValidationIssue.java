// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.util.List;
import org.tixun.core.i18n.Message;
import org.tixun.core.util.Messages;

/**
 * One broken rule: the field it belongs to (for showing the message next to it), the message key
 * in the core bundle, its arguments, and the DOMAIN.md rule number (0 for plain field checks).
 */
public record ValidationIssue(String field, String key, List<Object> args, int rule) {
    public ValidationIssue {
        args = List.copyOf(args);
    }

    /** The issue's text (the key in the domain bundle with its arguments). */
    public Message message() {
        return Messages.of(key, args.toArray());
    }

    public static ValidationIssue of(String field, String key, int rule, Object... args) {
        return new ValidationIssue(field, key, List.of(args), rule);
    }
}
