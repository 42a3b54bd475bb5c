// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.time.LocalDate;

/**
 * A person in a case. Identity fields (aliases ... prior penalties) apply to the suspect;
 * {@code organisation} is the employer of an interpreter or the law firm of a lawyer.
 */
public record Participant(
        String id,
        ParticipantRole role,
        String name,
        Sex sex,
        String organisation,
        String aliases,
        LocalDate dateOfBirth,
        String idNumber,
        String ethnicity,
        String education,
        String occupation,
        String householdRegistration,
        String residence,
        String priorPenalties,
        String language,
        boolean needsInterpreter,
        LawyerKind lawyerKind) {

    /** Defence counsel or duty lawyer (rule 15 accepts either). */
    public enum LawyerKind {
        DEFENCE_COUNSEL, DUTY_LAWYER
    }

    /** A staff member or other non-suspect participant. */
    public static Participant person(ParticipantRole role, String name, Sex sex, String organisation) {
        return new Participant(null, role, name, sex, organisation, null, null, null, null, null, null, null, null,
                null, null, false, null);
    }

    public Participant withId(String newId) {
        return new Participant(newId, role, name, sex, organisation, aliases, dateOfBirth, idNumber, ethnicity,
                education, occupation, householdRegistration, residence, priorPenalties, language, needsInterpreter,
                lawyerKind);
    }
}
