// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import org.tixun.signpad.model.PenSample;

/** Receives every sample, in order, on the pad's reader thread; must return quickly and never call JavaFX. */
@FunctionalInterface
public interface PenSampleListener {

    void onSample(PenSample sample);
}
