// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.util.Locale;
import org.tixun.core.i18n.Bilingual;
import org.tixun.core.i18n.Message;

/**
 * One verification check and its outcome, in plain Chinese and English (resolved from the evidence bundle when the
 * finding is made, so a report reads the same wherever it is shown; {@link #text(Locale)} picks the reader's).
 *
 * @param check stable check id (integrity, chain, revocation, timestamp, evidence, manifest, frozen, pages, coverage,
 *     seal, recording, strokes)
 * @param ok whether it holds
 * @param zh message in Chinese
 * @param en message in English
 */
public record Finding(String check, boolean ok, String zh, String en) implements Bilingual {
    public static Finding ok(String check, String zh, String en) {
        return new Finding(check, true, zh, en);
    }

    public static Finding fail(String check, String zh, String en) {
        return new Finding(check, false, zh, en);
    }

    /** A check that holds, worded by {@code message}. */
    public static Finding ok(String check, Message message) {
        return new Finding(check, true, message.chinese(), message.english());
    }

    /** A check that fails, worded by {@code message}. */
    public static Finding fail(String check, Message message) {
        return new Finding(check, false, message.chinese(), message.english());
    }

    /** The words in the language of {@code locale} (Chinese unless English). */
    public String text(Locale locale) {
        return in(locale);
    }

    @Override
    public String toString() {
        return "[" + VerificationReport.both(ok ? "report.ok" : "report.fail") + "] " + zh + " (" + en + ")";
    }
}
