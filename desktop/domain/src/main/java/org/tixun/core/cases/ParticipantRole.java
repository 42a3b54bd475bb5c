// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

/** Roles of the people in an interrogation (DOMAIN.md glossary). */
public enum ParticipantRole {
    INTERROGATOR, RECORDER, SUSPECT, APPROPRIATE_ADULT, INTERPRETER, LAWYER;

    /** Staff of the procuratorate (counted for rule 1 and rule 10). */
    public boolean isStaff() {
        return this == INTERROGATOR || this == RECORDER;
    }
}
