// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one impression for a fingerprint slot: waits for the finger on the configured reader, applies the quality
 * gate and builds the ISO/IEC 19794-4 record. A refused impression throws {@link ImpressionRejectedException} with
 * what the signer does next; the caller shows it and calls {@link #capture} again. Nothing is ever substituted.
 */
public final class FingerprintCapture {
    private static final Logger LOG = LoggerFactory.getLogger(FingerprintCapture.class);

    private final FingerprintReader reader;

    public FingerprintCapture(FingerprintReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * One impression of {@code finger}.
     *
     * @throws ImpressionRejectedException blank, partial or too light: press again
     * @throws FingerprintException no finger in time, cancelled, or a reader error
     */
    public Impression capture(FingerPosition finger, Duration timeout) throws FingerprintException,
            InterruptedException {
        FingerImage image = reader.capture(timeout);
        ImpressionQuality.Assessment quality = ImpressionQuality.assess(image);
        if (!quality.passed()) {
            LOG.info("fingerprint refused ({}): area {} mm², contrast {}, along the edge {} mm", quality.problem(),
                    Math.round(quality.areaMm2()), Math.round(quality.contrast()), Math.round(quality.edgeMm()));
            throw new ImpressionRejectedException(quality);
        }
        ReaderInfo info = reader.info();
        byte[] record = FingerImageRecord.write(image, finger, quality.score(), reader.impressionType(), 0);
        LOG.info("fingerprint taken from {}: {}x{} at {} ppi, quality {}", info.describe(), image.width(),
                image.height(), image.ppi(), quality.score());
        return new Impression(image, finger, quality, info, record);
    }

    /** Ends a running capture (from another thread). */
    public void cancel() {
        reader.cancel();
    }
}
