// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.StrokeSample;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.SlotKind;
import java.time.Instant;
import java.util.List;
import org.tixun.core.evidence.ink.InkLayout;

/**
 * One decrypted signature event ready to replay: its slot, pad and timed samples.
 *
 * @param eventId event id
 * @param slotId slot id
 * @param page one-based page
 * @param kind slot kind
 * @param slotWidth slot width in PDF points
 * @param slotHeight slot height in PDF points
 * @param device the pad
 * @param start host time at pen-down
 * @param samples every pen sample with its time
 */
public record ReplayedEvent(String eventId, String slotId, int page, SlotKind kind, float slotWidth, float slotHeight,
        DeviceInfo device, Instant start, List<StrokeSample> samples) {
    /** The ink as the sealed PDF draws it, in slot points (the UI scales it). */
    public InkLayout layout() {
        return InkLayout.fit(samples, device, slotWidth, slotHeight);
    }

    /** Duration from first to last sample. */
    public long durationMillis() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).tMillis() - samples.get(0).tMillis();
    }
}
