// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.util.List;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningPlan.SlotArea;

/**
 * Names the place of a slot so that no two slots of a plan read the same: the page and where on it (the foot of the
 * page or the closing block after the text) and what goes there, e.g. 「第 3 页 · 页尾签名处」; two slots that would
 * still read alike get their order on the page.
 */
final class SlotPlaces {
    private SlotPlaces() {
    }

    /** The place of {@code slot} among {@code plan}'s slots. */
    static LocalText place(PlannedSlot slot, List<PlannedSlot> plan) {
        String where = where(slot.area());
        LocalText what = new LocalText(where + slot.kind().name());
        int same = 0;
        int nth = 0;
        for (PlannedSlot other : plan) {
            if (other.pageIndex() == slot.pageIndex() && other.kind() == slot.kind()
                    && where(other.area()).equals(where)) {
                same++;
                if (other.slotId().equals(slot.slotId())) {
                    nth = same;
                }
            }
        }
        if (same > 1 && nth > 0) {
            return new LocalText("terminal.place.nth", slot.pageIndex() + 1, what, nth);
        }
        return new LocalText("terminal.place", slot.pageIndex() + 1, what);
    }

    /** The key prefix naming where on the page the slot is. */
    private static String where(SlotArea area) {
        if (area == null || area.placement() == null) {
            return "terminal.place.any.";
        }
        return area.footer() ? "terminal.place.footer." : "terminal.place.closing.";
    }
}
