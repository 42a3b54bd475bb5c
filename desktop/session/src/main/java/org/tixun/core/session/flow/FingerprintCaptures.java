// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tixun.core.devices.fingerprint.FingerPosition;
import org.tixun.core.devices.fingerprint.FingerprintCapture;
import org.tixun.core.devices.fingerprint.FingerprintException;
import org.tixun.core.devices.fingerprint.Impression;
import org.tixun.core.devices.fingerprint.ImpressionRejectedException;
import org.tixun.core.devices.fingerprint.ReaderInfo;
import org.tixun.core.evidence.model.DeviceInfo;

/**
 * A fingerprint slot's capture from the configured reader (DOMAIN.md rules 5–7): the impression that passed the
 * quality gate becomes the slot's {@link Capture} — its ISO/IEC 19794-4 record as the fingerprint (sealed only
 * encrypted to the escrow key) and the red impression as the ink the page shows. Nothing is ever substituted: a
 * missing reader, a rejected impression or a timeout is an exception with its sentence, and the slot waits.
 */
public final class FingerprintCaptures {
    private FingerprintCaptures() {
    }

    /**
     * Waits for one accepted impression of {@code finger} on {@code capture}'s reader.
     *
     * @throws ImpressionRejectedException blank, partial or too light: show its message, press again
     * @throws FingerprintException no finger in time, cancelled, or the reader failed
     */
    public static Capture capture(FingerprintCapture capture, FingerPosition finger, Duration timeout)
            throws FingerprintException, InterruptedException {
        Instant start = Instant.now();
        long mono = System.nanoTime();
        Impression impression = capture.capture(finger, timeout);
        Instant end = Instant.now();
        long monoEnd = System.nanoTime();
        return new Capture(List.of(), impression.redImpressionPng(), impression.isoRecord(), start, end, mono,
                monoEnd, 0, 0, device(impression.reader()));
    }

    /** The reader as the event's device: adapter, model, port, image size and resolution. */
    static DeviceInfo device(ReaderInfo reader) {
        return new DeviceInfo(reader.adapter(), reader.model(), reader.port(), reader.ppi() + " ppi",
                reader.width(), reader.height(), 0, 0);
    }
}
