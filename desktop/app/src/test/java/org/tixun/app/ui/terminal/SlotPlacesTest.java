// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.app.i18n.I18n;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningPlan.SlotArea;

/** Every slot of a plan is named by page and place so that no two read the same. */
class SlotPlacesTest {
    private static final SignerIdentity SUSPECT = new SignerIdentity("李建国", SignerRole.SUSPECT, "1");
    private static final SlotArea FOOTER = new SlotArea(0.3, 0.9, 0.3, 0.04, SlotArea.EVERY_PAGE);
    private static final SlotArea CLOSING = new SlotArea(0.1, 0.5, 0.5, 0.05, SlotArea.LAST_PAGE);
    private final I18n zh = new I18n(I18n.CHINESE);
    private final I18n en = new I18n(I18n.ENGLISH);

    @Test
    void aOnePageRecordTellsTheFooterAndTheClosingSignatureApart() {
        PlannedSlot footer = new PlannedSlot("suspect-page-p1", 0, SlotKind.SIGNATURE, SUSPECT, FOOTER);
        PlannedSlot footerFinger = new PlannedSlot("suspect-page-p1-fingerprint", 0, SlotKind.FINGERPRINT, SUSPECT,
                FOOTER);
        PlannedSlot sentence = new PlannedSlot("suspect-confirmation-p1-confirmation", 0, SlotKind.CONFIRMATION,
                SUSPECT, CLOSING);
        PlannedSlot closing = new PlannedSlot("suspect-confirmation-p1", 0, SlotKind.SIGNATURE, SUSPECT, CLOSING);
        List<PlannedSlot> plan = List.of(footer, footerFinger, sentence, closing);
        List<String> names = plan.stream().map(s -> SlotPlaces.place(s, plan).resolve(zh)).toList();
        assertThat(names).containsExactly("第 1 页 · 页尾签名处", "第 1 页 · 页尾捺印处", "第 1 页 · 末尾确认语书写处",
                "第 1 页 · 末尾确认语下的签名处");
        assertThat(names).doesNotHaveDuplicates();
        assertThat(SlotPlaces.place(footer, plan).resolve(en)).isEqualTo("Page 1 · signature box at the foot of the page");
    }

    @Test
    void slotsWithoutGeometryAreNumberedWhenTheyWouldReadAlike() {
        PlannedSlot a = new PlannedSlot("a-p3", 2, SlotKind.SIGNATURE, SUSPECT);
        PlannedSlot b = new PlannedSlot("b-p3", 2, SlotKind.SIGNATURE, SUSPECT);
        List<PlannedSlot> plan = List.of(a, b);
        assertThat(SlotPlaces.place(a, plan).resolve(zh)).isEqualTo("第 3 页 · 签名处（第 1 处）");
        assertThat(SlotPlaces.place(b, plan).resolve(zh)).isEqualTo("第 3 页 · 签名处（第 2 处）");
    }
}
