// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

import java.util.List;

/**
 * A run of consecutive samples that are all in contact (a stroke) or all not (hover between strokes).
 *
 * @param contact whether the run is pen-down
 * @param samples the samples, in order, unaltered
 */
public record Stroke(boolean contact, List<PenSample> samples) {

    public Stroke {
        samples = List.copyOf(samples);
    }
}
