// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

import org.tixun.core.i18n.Bilingual;

/**
 * A signer's role in a record, with its place in the signing order (DOMAIN.md rule 9). Its words are the record's
 * vocabulary (printed on the sealed document), so they live here, not in a bundle; {@link #in(java.util.Locale)} gives
 * the reader's language.
 */
public enum SignerRole implements Bilingual {
    SUSPECT("犯罪嫌疑人", "suspect", 0),
    APPROPRIATE_ADULT("合适成年人", "appropriate adult", 1),
    INTERPRETER("翻译人员", "interpreter", 1),
    LAWYER("辩护人/值班律师", "defence counsel / duty lawyer", 1),
    WITNESS("见证人", "witness", 1),
    INTERROGATOR("讯问人", "interrogator", 2),
    RECORDER("记录人", "recorder", 3);

    private final String zh;
    private final String en;
    private final int rank;

    SignerRole(String zh, String en, int rank) {
        this.zh = zh;
        this.en = en;
        this.rank = rank;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }

    /** Position in the signing order: lower signs first. */
    public int rank() {
        return rank;
    }

    /** Chinese and English, e.g. 「犯罪嫌疑人 (suspect)」. */
    public String label() {
        return zh + " (" + en + ")";
    }
}
