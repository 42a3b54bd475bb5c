// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.i18n.Bilingual;
import org.tixun.core.i18n.Message;

/**
 * One broken signing rule, in Chinese and English (resolved from the evidence bundle when it is found).
 *
 * @param rule DOMAIN.md rule number
 * @param zh message in Chinese naming page and role
 * @param en the same in English
 */
public record RuleViolation(int rule, String zh, String en) implements Bilingual {
    /** A broken rule worded by {@code message}. */
    public RuleViolation(int rule, Message message) {
        this(rule, message.chinese(), message.english());
    }

    @Override
    public String toString() {
        return zh + " (" + en + ")";
    }
}
