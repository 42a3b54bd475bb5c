// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The terminal's live page keeps the paragraph being typed two thirds down the viewport. */
class FollowCursorTest {
    @Test
    void scrollsSoTheCursorSitsTwoThirdsDown() {
        // A 1500 px page in a 600 px viewport: the cursor at 80 % (1200 px) ends 400 px into the viewport.
        double v = TerminalSessionView.scrollFor(0.8, 1500, 600);
        double top = v * (1500 - 600);
        assertThat(1200 - top).isCloseTo(400, within(0.5));
    }

    @Test
    void clampsAtTheTopAndBottomAndWhenThePageFits() {
        assertThat(TerminalSessionView.scrollFor(0.1, 1500, 600)).isZero();
        assertThat(TerminalSessionView.scrollFor(1.0, 1500, 600)).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
        assertThat(TerminalSessionView.scrollFor(0.9, 500, 600)).as("the whole page is visible").isZero();
        assertThat(TerminalSessionView.scrollFor(0.9, 1500, 0)).as("not laid out yet").isZero();
    }
}
