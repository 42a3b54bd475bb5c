// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/** Where a slot's handwriting comes from: a pad (simulated over a pty in headless runs) or the signature canvas. */
public interface SignatureSource {
    /**
     * Captures one slot.
     *
     * @param slot the slot being signed
     * @param seed varies synthetic handwriting between slots (ignored by real pads)
     */
    Capture capture(PlannedSlot slot, int seed) throws IOException, InterruptedException;
}
