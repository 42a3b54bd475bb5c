// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Checks a case against DOMAIN.md rules 1, 10, 11 and (for plea agreements) 15. */
public final class CaseValidator {
    /** Kind code of the plea and sentencing agreement (rule 15). */
    public static final String PLEA_AGREEMENT = "PLEA_AGREEMENT";

    private final Supplier<LocalDate> today;

    public CaseValidator(Supplier<LocalDate> today) {
        this.today = today;
    }

    public List<ValidationIssue> validate(CaseFile c) {
        List<ValidationIssue> out = new ArrayList<>();
        if (blank(c.caseNumber())) {
            out.add(ValidationIssue.of("caseNumber", "case.caseNumber.required", 0));
        }
        if (blank(c.causeOfAction())) {
            out.add(ValidationIssue.of("causeOfAction", "case.cause.required", 0));
        }
        List<Participant> suspects = c.withRole(ParticipantRole.SUSPECT);
        if (suspects.isEmpty()) {
            out.add(ValidationIssue.of("suspect.name", "case.suspect.required", 1));
        } else if (suspects.size() > 1) {
            out.add(ValidationIssue.of("participants", "case.suspect.onlyOne", 0, suspects.size()));
        }
        suspects.stream().findFirst().ifPresent(s -> validateSuspect(c, s, out));

        long interrogators = c.withRole(ParticipantRole.INTERROGATOR).size();
        long recorders = c.withRole(ParticipantRole.RECORDER).size();
        if (interrogators == 0 || interrogators + recorders < 2) {
            out.add(ValidationIssue.of("participants", "case.rule1.staff", 1, interrogators, recorders));
        }
        java.util.Map<ParticipantRole, Integer> ordinals = new java.util.EnumMap<>(ParticipantRole.class);
        for (int i = 0; i < c.participants().size(); i++) {
            Participant p = c.participants().get(i);
            int ordinal = ordinals.merge(p.role(), 1, Integer::sum);
            if (p.role() != ParticipantRole.SUSPECT && blank(p.name())) {
                out.add(ValidationIssue.of("participants[" + i + "].name", "case.participant.nameRequired", 1,
                        p.role(), ordinal));
            }
            if (p.role() == ParticipantRole.INTERPRETER && blank(p.organisation())) {
                out.add(ValidationIssue.of("participants[" + i + "].organisation",
                        "case.rule11.interpreterEmployer", 11, p.role(), ordinal));
            }
        }
        return out;
    }

    /** Validates the case for starting a record of {@code kindCode}: the case rules plus rule 15. */
    public List<ValidationIssue> validateForRecord(CaseFile c, String kindCode) {
        List<ValidationIssue> out = validate(c);
        if (PLEA_AGREEMENT.equals(kindCode) && c.withRole(ParticipantRole.LAWYER).isEmpty()) {
            out.add(ValidationIssue.of("participants", "case.rule15.lawyer", 15));
        }
        return out;
    }

    private void validateSuspect(CaseFile c, Participant s, List<ValidationIssue> out) {
        if (blank(s.name())) {
            out.add(ValidationIssue.of("suspect.name", "case.suspect.nameRequired", 1));
        }
        if (s.sex() == null) {
            out.add(ValidationIssue.of("suspect.sex", "case.suspect.sexRequired", 1));
        }
        if (s.dateOfBirth() == null) {
            out.add(ValidationIssue.of("suspect.dateOfBirth", "case.suspect.dobRequired", 1));
        } else if (s.dateOfBirth().isAfter(today.get())) {
            out.add(ValidationIssue.of("suspect.dateOfBirth", "case.suspect.dobFuture", 1));
        }
        if (blank(s.idNumber())) {
            out.add(ValidationIssue.of("suspect.idNumber", "case.suspect.idRequired", 1));
        } else if (s.idNumber().length() == 18 && !ChineseIdNumber.isValid(s.idNumber())) {
            out.add(ValidationIssue.of("suspect.idNumber", "case.suspect.idInvalid", 1));
        } else if (s.idNumber().length() == 18 && s.dateOfBirth() != null
                && !ChineseIdNumber.birthDate(s.idNumber()).orElseThrow().equals(s.dateOfBirth())) {
            out.add(ValidationIssue.of("suspect.dateOfBirth", "case.suspect.dobMismatch", 1));
        }
        if (s.dateOfBirth() != null && isJuvenile(s.dateOfBirth())) {
            if (c.withRole(ParticipantRole.APPROPRIATE_ADULT).isEmpty()) {
                out.add(ValidationIssue.of("participants", "case.rule10.adult", 10));
            }
            if (s.sex() == Sex.FEMALE && c.participants().stream()
                    .noneMatch(p -> p.role().isStaff() && p.sex() == Sex.FEMALE)) {
                out.add(ValidationIssue.of("participants", "case.rule10.femaleStaff", 10));
            }
        }
        if (s.needsInterpreter()) {
            if (blank(s.language())) {
                out.add(ValidationIssue.of("suspect.language", "case.rule11.language", 11));
            }
            if (c.withRole(ParticipantRole.INTERPRETER).isEmpty()) {
                out.add(ValidationIssue.of("participants", "case.rule11.interpreter", 11));
            }
        }
    }

    public boolean isJuvenile(LocalDate dateOfBirth) {
        return Period.between(dateOfBirth, today.get()).getYears() < 18;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
