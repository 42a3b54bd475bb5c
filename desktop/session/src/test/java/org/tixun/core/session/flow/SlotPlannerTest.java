// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.Lang;
import org.tixun.templates.QaEntry;
import org.tixun.templates.RenderResult;
import org.tixun.templates.TemplateRegistry;

/** Rule 7 in the plan: every correction gets the suspect's fingerprint, signed at the terminal with the others. */
class SlotPlannerTest {
    @Test
    void eachCorrectionIsAFingerprintSlotOfTheSuspectAtTheTerminal() throws Exception {
        DocumentData example = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        List<QaEntry> qa = new ArrayList<>(example.qa());
        qa.add(new QaEntry("经过？", "价值大约{~~三百元~>四百六十元~~}，{--当时--}我就走了。"));
        DocumentData data = example.withQa(qa);
        RenderResult r = new DefaultTemplateService(TemplateRegistry.builtIn()).render("INTERROGATION_RECORD", data,
                Lang.ZH);
        SlotPlanner.Plan plan = SlotPlanner.plan(r, data, Map.of());
        List<PlannedSlot> corrections = plan.terminal().stream()
                .filter(s -> s.slotId().startsWith("suspect-correction-")).toList();
        assertThat(corrections).hasSize(2).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SlotKind.FINGERPRINT);
            assertThat(s.signer().role()).isEqualTo(SignerRole.SUSPECT);
            assertThat(s.signer().name()).isEqualTo(data.value("suspectName"));
        });
        assertThat(corrections).extracting(PlannedSlot::slotId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("suspect-correction-p\\d+-c\\d+"));
        assertThat(plan.slots()).filteredOn(s -> s.id().startsWith("suspect-correction-")).hasSize(2)
                .allSatisfy(s -> assertThat(s.width()).isPositive());
    }

    @Test
    void aRecordWithoutCorrectionsPlansNone() throws Exception {
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        RenderResult r = new DefaultTemplateService(TemplateRegistry.builtIn()).render("INTERROGATION_RECORD", data,
                Lang.ZH);
        assertThat(SlotPlanner.plan(r, data, Map.of()).terminal())
                .noneMatch(s -> s.slotId().startsWith("suspect-correction-"));
    }
}
