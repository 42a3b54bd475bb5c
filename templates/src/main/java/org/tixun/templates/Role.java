// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

/** A participant role named in a template's manifest and in its signature slots. */
public enum Role {
    /** 犯罪嫌疑人 / 被讯问人. */
    SUSPECT("犯罪嫌疑人", "Suspect"),
    /** 证人. */
    WITNESS("证人", "Witness"),
    /** 被害人. */
    VICTIM("被害人", "Victim"),
    /** 讯问人 / 询问人. */
    INTERROGATOR("讯问人", "Interrogator"),
    /** 检察官 / 承办人. */
    PROSECUTOR("检察官", "Prosecutor"),
    /** 记录人. */
    RECORDER("记录人", "Recorder"),
    /** 翻译人员. */
    INTERPRETER("翻译人员", "Interpreter"),
    /** 合适成年人 or guardian of a juvenile. */
    APPROPRIATE_ADULT("合适成年人", "Appropriate adult"),
    /** 辩护人 / 值班律师. */
    DEFENCE_COUNSEL("辩护人/值班律师", "Defence counsel / duty lawyer"),
    /** 受送达人. */
    RECIPIENT("受送达人", "Recipient"),
    /** 送达人. */
    SERVER("送达人", "Server"),
    /** 见证人 (e.g. of a refusal to sign). */
    ATTESTING_WITNESS("见证人", "Attesting witness");

    private final String zh;
    private final String en;

    Role(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** Returns the role's name in the given language. */
    public String label(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
