// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.model;

/** A signer's role in a record, with its place in the signing order (DOMAIN.md rule 9). */
public enum SignerRole {
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

    public String zh() {
        return zh;
    }

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
