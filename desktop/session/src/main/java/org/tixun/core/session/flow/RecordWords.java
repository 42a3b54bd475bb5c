// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.List;
import org.tixun.core.evidence.model.SignerRole;

/**
 * The record's own words that the session writes into a record or a recording log: not messages for a person at a
 * screen but document content, fixed in code so a record reads the same whatever a message bundle says (like
 * {@link SignerRole}'s vocabulary). Every other Chinese text of the session module comes from its bundle.
 */
final class RecordWords {
    /** Before a duty lawyer's name in the header's 「其他在场人员」. */
    static final String DUTY_LAWYER = "值班律师";
    /** Before a defence counsel's name in the header's 「其他在场人员」. */
    static final String DEFENCE_COUNSEL = "辩护人";
    /** The recording log's reason for a private consultation (the recorder's private-mute event). */
    static final String PRIVATE_CONSULTATION = "讯问人员内部商议，被讯问人端未收听 (private consultation; not heard at the terminal)";
    /** The question and answer labels a typed record's lines start with (full-width, half-width, English). */
    static final List<String> QA_LABELS = List.of("问：", "问:", "答：", "答:", "Q:", "A:");

    private RecordWords() {
    }

    /** The name a signature slot names its signer by when the header has none: the role's word on the record. */
    static String unnamedSigner(SignerRole role) {
        return switch (role) {
            case SUSPECT -> "犯罪嫌疑人";
            case RECORDER -> "记录人";
            case APPROPRIATE_ADULT -> "合适成年人";
            case INTERPRETER -> "翻译人员";
            case INTERROGATOR -> "讯问人";
            case LAWYER -> "辩护人";
            case WITNESS -> "见证人";
        };
    }
}
