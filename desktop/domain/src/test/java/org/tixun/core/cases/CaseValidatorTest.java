// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tixun.core.TestCore;
import org.tixun.core.util.Messages;

class CaseValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final CaseValidator validator = new CaseValidator(() -> TODAY);

    private static CaseFile with(List<Participant> people) {
        return new CaseFile(null, "京朝检刑诉〔2026〕1号", "盗窃", people, null, null);
    }

    private static List<Participant> staff() {
        List<Participant> l = new ArrayList<>();
        l.add(Participant.person(ParticipantRole.INTERROGATOR, "张伟", Sex.MALE, null));
        l.add(Participant.person(ParticipantRole.RECORDER, "赵强", Sex.MALE, null));
        return l;
    }

    @Test
    void acceptsCompleteCase() {
        assertThat(validator.validate(TestCore.validCase("A-1"))).isEmpty();
    }

    @Test
    void rule1NeedsTwoStaffIncludingAnInterrogator() {
        List<Participant> people = new ArrayList<>(List.of(TestCore.suspect("李某", LocalDate.of(1990, 1, 1), Sex.MALE),
                Participant.person(ParticipantRole.RECORDER, "赵强", Sex.MALE, null)));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key).contains("case.rule1.staff");
        people.add(Participant.person(ParticipantRole.RECORDER, "钱六", Sex.MALE, null));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key).contains("case.rule1.staff");
        people.add(Participant.person(ParticipantRole.INTERROGATOR, "张伟", Sex.MALE, null));
        assertThat(validator.validate(with(people))).isEmpty();
    }

    @Test
    void rule1EveryParticipantNamed() {
        List<Participant> people = staff();
        people.add(TestCore.suspect("李某", LocalDate.of(1990, 1, 1), Sex.MALE));
        people.add(Participant.person(ParticipantRole.LAWYER, " ", null, null));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::field)
                .containsExactly("participants[3].name");
    }

    @Test
    void rule10JuvenileNeedsAdultAndFemaleJuvenileNeedsFemaleStaff() {
        List<Participant> people = staff();
        people.add(TestCore.suspect("小红", LocalDate.of(2010, 3, 1), Sex.FEMALE));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key)
                .containsExactlyInAnyOrder("case.rule10.adult", "case.rule10.femaleStaff");
        people.add(Participant.person(ParticipantRole.APPROPRIATE_ADULT, "小红母亲", Sex.FEMALE, null));
        people.add(Participant.person(ParticipantRole.RECORDER, "王芳", Sex.FEMALE, null));
        assertThat(validator.validate(with(people))).isEmpty();
    }

    @Test
    void eighteenthBirthdayEndsJuvenileStatus() {
        assertThat(validator.isJuvenile(TODAY.minusYears(18))).isFalse();
        assertThat(validator.isJuvenile(TODAY.minusYears(18).plusDays(1))).isTrue();
    }

    @Test
    void rule11InterpreterWithEmployer() {
        List<Participant> people = staff();
        Participant s = TestCore.suspect("阿布都", LocalDate.of(1980, 1, 1), Sex.MALE);
        people.add(new Participant(null, ParticipantRole.SUSPECT, s.name(), s.sex(), null, null, s.dateOfBirth(),
                s.idNumber(), "维吾尔族", null, null, null, null, null, "维吾尔语", true, null));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key)
                .containsExactly("case.rule11.interpreter");
        people.add(Participant.person(ParticipantRole.INTERPRETER, "买买提", Sex.MALE, ""));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key)
                .containsExactly("case.rule11.interpreterEmployer");
    }

    @Test
    void rule15PleaAgreementNeedsLawyer() {
        CaseFile c = TestCore.validCase("A-1");
        assertThat(validator.validateForRecord(c, "INTERROGATION_RECORD")).isEmpty();
        assertThat(validator.validateForRecord(c, CaseValidator.PLEA_AGREEMENT)).extracting(ValidationIssue::rule)
                .containsExactly(15);
    }

    @Test
    void idNumberChecksumAndBirthDate() {
        String good = TestCore.idNumber(LocalDate.of(1990, 5, 17), Sex.MALE);
        assertThat(ChineseIdNumber.isValid(good)).isTrue();
        assertThat(ChineseIdNumber.sex(good)).isEqualTo(Sex.MALE);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertThat(ChineseIdNumber.isValid(good.substring(0, 17) + wrong)).isFalse();
        List<Participant> people = staff();
        Participant s = TestCore.suspect("李某", LocalDate.of(1990, 5, 17), Sex.MALE);
        people.add(new Participant(null, ParticipantRole.SUSPECT, "李某", Sex.MALE, null, null,
                LocalDate.of(1990, 5, 18), s.idNumber(), null, null, null, null, null, null, null, false, null));
        assertThat(validator.validate(with(people))).extracting(ValidationIssue::key)
                .containsExactly("case.suspect.dobMismatch");
    }

    @Test
    void everyIssueHasMessagesInBothLanguages() {
        CaseFile empty = new CaseFile(null, "", "", List.of(new Participant(null, ParticipantRole.SUSPECT, "", null,
                null, null, null, "", null, null, null, null, null, null, null, true, null)), null, null);
        List<ValidationIssue> issues = validator.validateForRecord(empty, CaseValidator.PLEA_AGREEMENT);
        assertThat(issues).hasSizeGreaterThan(5);
        for (ValidationIssue i : issues) {
            assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, i.key(), i.args())).isNotBlank();
            assertThat(Messages.get(Locale.ENGLISH, i.key(), i.args())).isNotBlank()
                    .isNotEqualTo(Messages.get(Locale.SIMPLIFIED_CHINESE, i.key(), i.args()));
        }
    }

    @Test
    void englishMessagesKeepApostrophesAndNameTheRole() {
        assertThat(Messages.get(Locale.ENGLISH, "case.suspect.nameRequired", List.of()))
                .isEqualTo("Enter the suspect's name.");
        assertThat(Messages.get(Locale.ENGLISH, "case.rule11.interpreterEmployer",
                List.of(ParticipantRole.INTERPRETER, 2))).isEqualTo("Interpreter #2: enter the interpreter's employer.");
        assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, "case.participant.nameRequired",
                List.of(ParticipantRole.RECORDER, 1))).startsWith("第 1 名记录人未填写姓名");
    }
}
