// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PadInfo;

/**
 * A signature pad: opened, started, stopped and closed by the host, delivering samples from its own reader thread.
 */
public interface SignaturePad extends AutoCloseable {

    /** Opens the link, performs the handshake and starts the reader thread. */
    void open() throws PadException;

    /** Asks the pad to send samples. */
    void start() throws PadException;

    /** Asks the pad to stop sending samples. */
    void stop() throws PadException;

    /** Stops the reader thread and closes the link; idempotent. */
    @Override
    void close();

    /** Returns what the pad reported about itself; null before {@link #open()}. */
    PadInfo info();

    PadState state();

    /** Returns the decoder counters (packets ok, ignored, garbled, dropped bytes, lost). */
    DecodeCounts decodeCounts();

    /**
     * Adds a listener called with every sample on the pad's reader thread, which stamps the arrival time;
     * listeners must not block or touch JavaFX.
     */
    void addSampleListener(PenSampleListener listener);

    void removeSampleListener(PenSampleListener listener);

    /**
     * Adds a listener for state changes: after a link failure the pad reports {@link PadState#LOST}, reopens
     * with back-off ({@link PadState#RECONNECTING}) and, once {@link PadState#CONNECTED} again, resumes
     * streaming if it was started; samples received before the loss stay delivered.
     */
    void addStateListener(PadStateListener listener);

    void removeStateListener(PadStateListener listener);
}
