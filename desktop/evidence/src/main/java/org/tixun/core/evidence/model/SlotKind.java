// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import org.tixun.core.i18n.Bilingual;

/**
 * What a signature slot on a page is for. Its words are the record's vocabulary (printed on the sealed document), so
 * they live here, not in a bundle; {@link #in(java.util.Locale)} gives the reader's language.
 */
public enum SlotKind implements Bilingual {
    /** A handwritten signature. */
    SIGNATURE("签名", "signature"),
    /** A fingerprint impression. */
    FINGERPRINT("指印", "fingerprint"),
    /** The handwritten confirmation sentence on the last page (DOMAIN.md rule 6). */
    CONFIRMATION("确认语", "confirmation sentence"),
    /** A fingerprint on a correction (DOMAIN.md rule 7). */
    CORRECTION("更正处指印", "correction fingerprint"),
    /** The handwritten date beside the signature. */
    DATE("日期", "date");

    private final String zh;
    private final String en;

    SlotKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
