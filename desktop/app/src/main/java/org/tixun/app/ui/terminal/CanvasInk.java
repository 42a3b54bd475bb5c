// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.core.session.flow.Capture;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;

/**
 * A signature written on the terminal's screen canvas as a capture whose device is the canvas as it was: the pointer
 * samples (in the canvas's fixed virtual pad space, stretched to whatever shape the canvas had) are put back into
 * tenths of a screen pixel, so the ink keeps the shape it was written in wherever it is fitted (the sealed record's
 * slot, the page on screen).
 */
final class CanvasInk {
    /** Units of the recorded device per screen pixel. */
    static final int UNITS_PER_PIXEL = 10;

    private CanvasInk() {
    }

    /** The device a canvas of this size is recorded as. */
    static DeviceInfo device(double canvasWidth, double canvasHeight) {
        PadInfo pointer = SignatureCanvas.POINTER_PAD;
        return new DeviceInfo("Tixun", "Signature canvas (pointer)", "screen", "1",
                (int) Math.max(1, Math.round(canvasWidth * UNITS_PER_PIXEL)),
                (int) Math.max(1, Math.round(canvasHeight * UNITS_PER_PIXEL)), pointer.maxPressure(),
                pointer.reportRateHz());
    }

    /** The canvas samples as a capture of {@link #device}. */
    static Capture capture(List<PenSample> samples, double canvasWidth, double canvasHeight) throws IOException {
        PadInfo pointer = SignatureCanvas.POINTER_PAD;
        double sx = canvasWidth * UNITS_PER_PIXEL / pointer.maxX();
        double sy = canvasHeight * UNITS_PER_PIXEL / pointer.maxY();
        List<PenSample> out = new ArrayList<>(samples.size());
        for (PenSample p : samples) {
            out.add(new PenSample(p.sequence(), (int) Math.round(p.x() * sx), (int) Math.round(p.y() * sy),
                    p.pressure(), p.tiltX(), p.tiltY(), p.state(), p.buttons(), p.hostNanos(), p.arrivalNanos(),
                    p.deviceNanos()));
        }
        return org.tixun.core.session.flow.Capture.fromSamples(out, device(canvasWidth, canvasHeight));
    }
}
