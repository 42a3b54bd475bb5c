// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.time.Duration;

/**
 * A fingerprint reader: waits for a finger and returns the impression as the reader delivered it. Adapters: {@link
 * LivescanReader} (the GA/T 626.1 LIVESCAN shared library of Chinese live scanners) and {@link LibfprintReader}
 * (libfprint 2 image devices). The quality gate and the record formats are applied on top by {@link
 * FingerprintCapture}; an adapter never invents or touches up an image.
 *
 * <p>Calls block; make them off the UI thread. One capture at a time per reader.
 */
public interface FingerprintReader extends AutoCloseable {
    /** What this reader is. */
    ReaderInfo info();

    /**
     * Waits until a finger is on the reader and returns its impression.
     *
     * @param timeout how long to wait for a finger
     * @throws FingerprintException no finger within {@code timeout}, the capture was cancelled, or the reader failed
     *     (the message says which, in Chinese and English)
     */
    FingerImage capture(Duration timeout) throws FingerprintException, InterruptedException;

    /** How this reader takes an impression (a finger laid on a platen unless the reader says otherwise). */
    default FingerImageRecord.ImpressionType impressionType() {
        return FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN;
    }

    /** Ends a running {@link #capture} early (it then throws a {@link FingerprintException}); safe from any thread. */
    void cancel();

    /** Releases the reader. */
    @Override
    void close();
}
