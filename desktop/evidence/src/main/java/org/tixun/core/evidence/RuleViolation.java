// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

/**
 * One broken signing rule, in Chinese and English.
 *
 * @param rule DOMAIN.md rule number
 * @param zh message in Chinese naming page and role
 * @param en the same in English
 */
public record RuleViolation(int rule, String zh, String en) {
    @Override
    public String toString() {
        return zh + " (" + en + ")";
    }
}
