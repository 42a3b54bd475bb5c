// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokesTest {

    @Test
    void splitsContactRunsAndKeepsHoverSamplesBetweenThem() {
        PenState[] states = {PenState.HOVER, PenState.CONTACT, PenState.CONTACT, PenState.HOVER, PenState.OUT,
            PenState.CONTACT};
        List<PenSample> samples = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            samples.add(new PenSample(i, i, i, 1, 0, 0, states[i], 0, i, i, PenSample.NO_DEVICE_TIME));
        }
        List<Stroke> runs = Strokes.segment(samples);
        assertThat(runs).extracting(Stroke::contact).containsExactly(false, true, false, true);
        assertThat(runs.stream().flatMap(r -> r.samples().stream()).toList()).isEqualTo(samples);
        assertThat(Strokes.contactStrokes(samples)).hasSize(2);
    }

    @Test
    void tipOnlyPadsSayTheyHaveNoPressure() {
        PadInfo topaz = new PadInfo("Topaz", Transport.SERIAL, "/dev/ttyS0", 4095, 4095, 1, false, false, 0, 120, 0,
                0, false);
        assertThat(topaz.describe()).contains("tip only, no pressure");
    }
}
