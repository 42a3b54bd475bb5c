// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.ink;

import java.util.ArrayList;
import java.util.List;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.evidence.model.StrokeSample;

/**
 * The one ink geometry used everywhere (live ink, sealed PDF appearance, SVG/GIF replay): pen samples fitted
 * into a box, with width varying with pressure.
 */
public final class InkLayout {
    /** Widest stroke as a fraction of the box's smaller side, at full pressure. */
    public static final float MAX_WIDTH_FRACTION = 0.05f;
    /** Narrowest stroke as a fraction of the widest, at zero pressure. */
    public static final float MIN_WIDTH_RATIO = 0.25f;
    /** Pressure is mapped to this many width steps, so the PDF path changes width rarely and stays small. */
    public static final int WIDTH_STEPS = 8;

    private final List<InkSegment> segments;
    private final float boxWidth;
    private final float boxHeight;
    private final long durationMillis;

    private InkLayout(List<InkSegment> segments, float boxWidth, float boxHeight, long durationMillis) {
        this.segments = List.copyOf(segments);
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.durationMillis = durationMillis;
    }

    /**
     * Fits the pad's samples into a box of the given size, keeping the aspect ratio and centring.
     *
     * @param samples pen samples in pad units
     * @param device pad geometry (width, height, maximum pressure)
     * @param boxWidth target width (PDF points or pixels)
     * @param boxHeight target height
     */
    public static InkLayout fit(List<StrokeSample> samples, DeviceInfo device, float boxWidth, float boxHeight) {
        float scale = Math.min(boxWidth / Math.max(1, device.width()), boxHeight / Math.max(1, device.height()));
        float offX = (boxWidth - device.width() * scale) / 2f;
        float offY = (boxHeight - device.height() * scale) / 2f;
        float maxWidth = Math.min(boxWidth, boxHeight) * MAX_WIDTH_FRACTION;
        float maxP = Math.max(1, device.maxPressure());
        List<InkSegment> out = new ArrayList<>(samples.size());
        StrokeSample prev = null;
        int stroke = -1;
        for (StrokeSample s : samples) {
            if (s.contact() && (prev == null || !prev.contact())) {
                stroke++;
            }
            if (prev != null && prev.contact() && s.contact()) {
                float pressure = Math.min(1f, (prev.pressure() + s.pressure()) / 2f / maxP);
                float step = Math.round(pressure * (WIDTH_STEPS - 1)) / (float) (WIDTH_STEPS - 1);
                float width = maxWidth * (MIN_WIDTH_RATIO + (1 - MIN_WIDTH_RATIO) * step);
                out.add(new InkSegment(offX + prev.x() * scale, offY + prev.y() * scale, offX + s.x() * scale,
                        offY + s.y() * scale, width, s.tMillis(), stroke));
            }
            prev = s;
        }
        long duration = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).tMillis() - samples.get(0).tMillis();
        return new InkLayout(out, boxWidth, boxHeight, duration);
    }

    public List<InkSegment> segments() {
        return segments;
    }

    public float boxWidth() {
        return boxWidth;
    }

    public float boxHeight() {
        return boxHeight;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** The segments drawn by time {@code tMillis}, for a replay scrubber. */
    public List<InkSegment> segmentsUntil(long tMillis) {
        List<InkSegment> out = new ArrayList<>();
        for (InkSegment s : segments) {
            if (s.tMillis() <= tMillis) {
                out.add(s);
            }
        }
        return out;
    }
}
