// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live record follows the entry the recorder's caret is in, counted as the editor's text is parsed. */
class CaretEntryTest {
    private static final String TEXT = "问：你叫什么名字？\n答：李建国。\n问：你把2026年\n1月的事讲一下。\n答：好的。\n那天我在家。";

    private static int[] at(String marker) {
        return SessionViewModel.caretEntry(TEXT, TEXT.indexOf(marker) + marker.length());
    }

    @Test
    void caretInAQuestionOrAnswerOrItsContinuationLines() {
        assertThat(at("名字")).containsExactly(0, 0);
        assertThat(at("李建国")).containsExactly(0, 1);
        assertThat(at("2026年")).containsExactly(1, 0);
        assertThat(at("1月的事")).as("a continuation line of the question").containsExactly(1, 0);
        assertThat(at("好的")).containsExactly(1, 1);
        assertThat(at("在家")).as("a continuation line of the answer").containsExactly(1, 1);
        assertThat(SessionViewModel.parse(TEXT)).hasSize(2);
    }

    @Test
    void beforeTheFirstQuestionAndOutOfRangeCarets() {
        assertThat(SessionViewModel.caretEntry("", 0)).containsExactly(-1, 0);
        assertThat(SessionViewModel.caretEntry("前言\n问：一", 2)).containsExactly(-1, 0);
        assertThat(SessionViewModel.caretEntry("答：没有问题的回答", 5)).as("an answer before any question is not an entry")
                .containsExactly(-1, 0);
        assertThat(SessionViewModel.caretEntry(TEXT, 10_000)).containsExactly(1, 1);
        assertThat(SessionViewModel.caretEntry(TEXT, -3)).containsExactly(-1, 0);
    }
}
