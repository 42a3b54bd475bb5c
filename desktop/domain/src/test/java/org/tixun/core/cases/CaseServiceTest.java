// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.records.RecordQuery;
import org.tixun.core.records.RecordStatus;
import org.tixun.core.records.RecordSummary;

class CaseServiceTest {
    @TempDir
    Path dir;

    @Test
    void savesLoadsAndSearchesCases() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile saved = core.cases().save("zhangwei", TestCore.validCase("京朝检〔2026〕17号"));
            core.cases().save("zhangwei", TestCore.validCase("京朝检〔2026〕18号"));
            CaseFile loaded = core.cases().find(saved.id()).orElseThrow();
            assertThat(loaded.participants()).hasSize(3);
            assertThat(loaded.suspect().orElseThrow().idNumber()).isEqualTo(saved.suspect().orElseThrow().idNumber());
            assertThat(core.cases().search("17号", 50)).extracting(CaseService.CaseSummary::caseNumber)
                    .containsExactly("京朝检〔2026〕17号");
            assertThat(core.cases().search("李某某", 50)).hasSize(2);
            assertThat(core.cases().search("%", 50)).isEmpty();
        }
    }

    @Test
    void refusesInvalidCaseAndDuplicateNumber() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile bad = new CaseFile(null, "X", "盗窃", List.of(), null, null);
            assertThatThrownBy(() -> core.cases().save("u", bad)).isInstanceOfSatisfying(CaseValidationException.class,
                    e -> assertThat(e.issues()).extracting(ValidationIssue::key)
                            .contains("case.suspect.required", "case.rule1.staff"));
            core.cases().save("u", TestCore.validCase("X"));
            assertThatThrownBy(() -> core.cases().save("u", TestCore.validCase("X")))
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void updatesParticipantsInPlace() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile saved = core.cases().save("u", TestCore.validCase("X"));
            List<Participant> more = new java.util.ArrayList<>(saved.participants());
            more.add(Participant.person(ParticipantRole.LAWYER, "律师甲", Sex.MALE, "某律师事务所"));
            core.cases().save("u", new CaseFile(saved.id(), "X", "诈骗", more, saved.createdAt(), saved.updatedAt()));
            CaseFile loaded = core.cases().find(saved.id()).orElseThrow();
            assertThat(loaded.causeOfAction()).isEqualTo("诈骗");
            assertThat(loaded.withRole(ParticipantRole.LAWYER)).hasSize(1);
        }
    }

    @Test
    void startsDraftRecordsAndFindsThemInTheArchive() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile c = core.cases().save("u", TestCore.validCase("X-1"));
            RecordSummary r1 = core.records().createDraft("u", c, "INTERROGATION_RECORD", "讯问笔录（第1次）");
            core.records().createDraft("u", c, "RIGHTS_NOTICE", "犯罪嫌疑人诉讼权利义务告知书");
            assertThat(r1.status()).isEqualTo(RecordStatus.DRAFT);
            assertThat(r1.suspectName()).isEqualTo("李某某");
            assertThat(r1.interrogators()).isEqualTo("张伟");
            assertThatThrownBy(() -> core.records().createDraft("u", c, CaseValidator.PLEA_AGREEMENT, "具结书"))
                    .isInstanceOf(CaseValidationException.class).hasMessageContaining("defence counsel");
            assertThat(core.records().forCase(c.id())).hasSize(2);
            assertThat(core.records().search(new RecordQuery("张伟", "RIGHTS_NOTICE", RecordStatus.DRAFT, null, null, 0,
                    10))).hasSize(1);
            assertThat(core.records().search(new RecordQuery(null, null, RecordStatus.SEALED, null, null, 0, 10)))
                    .isEmpty();
            assertThat(core.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void archiveSearchFollowsCaseEditsAndSortsInTheDatabase() {
        try (CoreServices core = TestCore.open(dir)) {
            CaseFile c = core.cases().save("u", TestCore.validCase("B-2"));
            core.records().createDraft("u", c, "INTERROGATION_RECORD", "讯问笔录");
            core.records().createDraft("u", c, "RIGHTS_NOTICE", "告知书");
            assertThat(core.records().search(new RecordQuery("李某某", null, null, null, null, 0, 10))).hasSize(2);
            List<Participant> renamed = new java.util.ArrayList<>(c.participants());
            Participant s = renamed.get(0);
            renamed.set(0, new Participant(s.id(), s.role(), "钱某", s.sex(), null, null, s.dateOfBirth(),
                    s.idNumber(), null, null, null, null, null, null, null, false, null));
            core.cases().save("u", new CaseFile(c.id(), "B-2", "盗窃", renamed, c.createdAt(), c.updatedAt()));
            assertThat(core.records().search(new RecordQuery("李某某", null, null, null, null, 0, 10))).isEmpty();
            assertThat(core.records().search(new RecordQuery("钱某", null, null, null, null, 0, 10)))
                    .extracting(RecordSummary::suspectName).containsOnly("钱某");
            assertThat(core.records().search(RecordQuery.all(10).sortedBy(RecordQuery.Sort.TITLE, true)))
                    .extracting(RecordSummary::title).containsExactly("告知书", "讯问笔录");
            assertThat(core.records().search(RecordQuery.all(10).sortedBy(RecordQuery.Sort.TITLE, false)))
                    .extracting(RecordSummary::title).containsExactly("讯问笔录", "告知书");
        }
    }
}
