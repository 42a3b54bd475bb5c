// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

/**
 * One verification check and its outcome, in plain Chinese and English.
 *
 * @param check stable check id (integrity, chain, revocation, timestamp, evidence, manifest, frozen, pages, coverage,
 *     seal, recording, strokes)
 * @param ok whether it holds
 * @param zh message in Chinese
 * @param en message in English
 */
public record Finding(String check, boolean ok, String zh, String en) {
    public static Finding ok(String check, String zh, String en) {
        return new Finding(check, true, zh, en);
    }

    public static Finding fail(String check, String zh, String en) {
        return new Finding(check, false, zh, en);
    }

    @Override
    public String toString() {
        return (ok ? "[通过 OK] " : "[失败 FAIL] ") + zh + " (" + en + ")";
    }
}
