// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.PadSpec;
import org.tixun.core.devices.fingerprint.FingerPosition;
import org.tixun.core.devices.fingerprint.FingerprintCapture;
import org.tixun.core.devices.fingerprint.FingerprintException;
import org.tixun.core.devices.fingerprint.FingerprintReader;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.signpad.PenSampleListener;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.model.PenSample;

/**
 * The terminal's own devices as a {@link SignatureSource} on the production path: a signature or confirmation slot
 * is written on the configured signature pad (opened for the slot through the production driver, finished when the
 * pen has been off the pad for {@code penIdle} after some ink), a fingerprint slot is pressed on the configured
 * fingerprint reader (the impression must pass the quality gate). Nothing is substituted: with no device configured,
 * no ink in time or a rejected impression the capture fails with a sentence in both languages, and the slot waits
 * for another try.
 */
public final class ConfiguredSignatureSource implements SignatureSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSignatureSource.class);
    private final PadSpec pad;
    private final Callable<FingerprintReader> reader;
    private final Duration penIdle;
    private final Duration timeout;

    /**
     * @param pad the configured pad, or null when none is configured
     * @param reader opens the configured fingerprint reader, or null when none is configured
     * @param penIdle how long the pen stays off the pad, after some ink, before the signature counts as finished
     * @param timeout how long a slot waits for ink or a finger
     */
    public ConfiguredSignatureSource(PadSpec pad, Callable<FingerprintReader> reader, Duration penIdle,
            Duration timeout) {
        this.pad = pad;
        this.reader = reader;
        this.penIdle = penIdle;
        this.timeout = timeout;
    }

    /** True when a pad or a reader is configured (the view offers the device buttons). */
    public boolean hasDevices() {
        return pad != null || reader != null;
    }

    @Override
    public Capture capture(PlannedSlot slot, int seed) throws IOException, InterruptedException {
        return slot.kind() == SlotKind.FINGERPRINT ? fingerprint() : handwriting();
    }

    private Capture fingerprint() throws IOException, InterruptedException {
        if (reader == null) {
            throw new LocalizedIOException(SessionMessages.of("signatureSource.noReader"));
        }
        try (FingerprintReader r = reader.call()) {
            return FingerprintCaptures.capture(new FingerprintCapture(r), FingerPosition.RIGHT_INDEX, timeout);
        } catch (FingerprintException e) {
            throw new LocalizedIOException(e.message(), e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalizedIOException(SessionMessages.of("signatureSource.readerUnopenable", e), e);
        }
    }

    private Capture handwriting() throws IOException, InterruptedException {
        if (pad == null) {
            throw new LocalizedIOException(SessionMessages.of("signatureSource.noPad"));
        }
        List<PenSample> samples = new ArrayList<>();
        Object lock = new Object();
        long[] lastContact = {0};
        PenSampleListener listener = s -> {
            synchronized (lock) {
                samples.add(s);
                if (s.isContact()) {
                    lastContact[0] = System.nanoTime();
                }
                lock.notifyAll();
            }
        };
        SignaturePad p;
        try {
            p = pad.open();
        } catch (Exception e) {
            throw new LocalizedIOException(SessionMessages.of("signatureSource.padUnopenable", pad.describe(), e), e);
        }
        try (SignaturePad open = p) {
            open.addSampleListener(listener);
            open.start();
            LOG.info("terminal pad {} open for a slot", pad.describe());
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (true) {
                    long now = System.nanoTime();
                    if (lastContact[0] != 0 && now - lastContact[0] >= penIdle.toNanos()) {
                        break;
                    }
                    if (lastContact[0] == 0 && now >= deadline) {
                        throw new LocalizedIOException(SessionMessages.of("signatureSource.noInk", timeout.toSeconds()));
                    }
                    long waitNanos = lastContact[0] == 0 ? deadline - now : penIdle.toNanos() - (now - lastContact[0]);
                    lock.wait(Math.max(1, waitNanos / 1_000_000));
                }
                return Capture.fromSamples(List.copyOf(samples), pad.deviceInfo(open.info()));
            }
        }
    }
}
