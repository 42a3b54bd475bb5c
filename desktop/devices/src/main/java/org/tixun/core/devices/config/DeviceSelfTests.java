// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import java.awt.Dimension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.PadSpec;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.devices.audio.Microphones;
import org.tixun.core.devices.fingerprint.FingerPosition;
import org.tixun.core.devices.fingerprint.FingerprintCapture;
import org.tixun.core.devices.fingerprint.FingerprintException;
import org.tixun.core.devices.fingerprint.FingerprintReader;
import org.tixun.core.devices.fingerprint.FingerprintReaders;
import org.tixun.core.devices.fingerprint.Impression;
import org.tixun.core.devices.fingerprint.ReaderInfo;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.DeviceSelfTest;
import org.tixun.core.media.JavaSoundMicrophone;
import org.tixun.core.media.VideoSource;
import org.tixun.core.pki.Pki;
import org.tixun.signpad.PadException;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.model.PadInfo;

/**
 * A self-test for each kind of device, on a setting value (Settings' 「测试」 before saving) or on what is configured
 * (the terminal's self-test screen): the device is opened, exercised briefly and closed again; the result says in
 * Chinese and English whether it works, with the figure measured, or what is wrong and what to do.
 */
public final class DeviceSelfTests {
    /** How long the camera and the microphone are watched. */
    public static final Duration MEDIA_CHECK = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelfTests.class);

    private final ConfiguredDevices devices;

    public DeviceSelfTests(ConfiguredDevices devices) {
        this.devices = devices;
    }

    /** The configured camera, microphone, pad and fingerprint reader, in that order (no waiting for pen or finger). */
    public List<SelfTestResult> configured() throws InterruptedException {
        List<SelfTestResult> out = new ArrayList<>();
        out.add(camera(devices.setting(DeviceKind.CAMERA)));
        out.add(microphone(devices.setting(DeviceKind.MICROPHONE)));
        out.add(pad(devices.setting(DeviceKind.SIGNATURE_PAD), Duration.ZERO));
        out.add(fingerprintReader(devices.setting(DeviceKind.FINGERPRINT_READER), Duration.ZERO));
        return out;
    }

    /** Opens the camera of {@code setting}, checks its frame rate and picture for two seconds, closes it. */
    public SelfTestResult camera(String setting) throws InterruptedException {
        try (VideoSource camera = devices.openCamera(setting, new Dimension(640, 480), 25)) {
            DeviceSelfTest.Result r = DeviceSelfTest.camera(camera, MEDIA_CHECK);
            return log(new SelfTestResult(DeviceKind.CAMERA, camera.name(), r.passed(), r.message()));
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
    }

    /** Opens the microphone of {@code setting}, listens for two seconds, closes it. */
    public SelfTestResult microphone(String setting) throws InterruptedException {
        try (JavaSoundMicrophone mic = Microphones.open(setting)) {
            DeviceSelfTest.Result r = DeviceSelfTest.microphone(mic, MEDIA_CHECK);
            return log(new SelfTestResult(DeviceKind.MICROPHONE, mic.name(), r.passed(), r.message()));
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
    }

    /**
     * Opens the pad of {@code setting} through the production driver and reads what it reports; with {@code
     * waitForPen} above zero also waits that long for pen samples (someone writes on it).
     */
    public SelfTestResult pad(String setting, Duration waitForPen) throws InterruptedException {
        PadSpec spec;
        try {
            spec = ConfiguredDevices.padSpec(setting);
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
        SignaturePad pad;
        try {
            pad = ConfiguredDevices.openPad(spec);
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
        try {
            PadInfo info = pad.info();
            Message what = DeviceMessages.of("selfTest.pad.what", info.model(), spec.describe(), info.maxX(),
                    info.maxY(), info.maxPressure());
            if (waitForPen.isZero() || waitForPen.isNegative()) {
                return log(new SelfTestResult(DeviceKind.SIGNATURE_PAD, spec.describe(), true,
                        DeviceMessages.of("selfTest.pad.ok", what)));
            }
            AtomicLong samples = new AtomicLong();
            pad.addSampleListener(s -> samples.incrementAndGet());
            pad.start();
            long deadline = System.nanoTime() + waitForPen.toNanos();
            while (samples.get() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (samples.get() < 10) {
                return log(new SelfTestResult(DeviceKind.SIGNATURE_PAD, spec.describe(), false,
                        DeviceMessages.of("selfTest.pad.noPen", what)));
            }
            return log(new SelfTestResult(DeviceKind.SIGNATURE_PAD, spec.describe(), true,
                    DeviceMessages.of("selfTest.pad.okWithSamples", what, samples.get())));
        } catch (PadException e) {
            return log(SelfTestResult.of(new DeviceUnavailableException(DeviceKind.SIGNATURE_PAD, spec.describe(),
                    DeviceMessages.of("selfTest.pad.failed", spec.describe(), e),
                    DeviceMessages.of("selfTest.remedy.checkPad"), e)));
        } finally {
            pad.close();
        }
    }

    /**
     * Opens the fingerprint reader of {@code setting} and reads what it is; with {@code waitForFinger} above zero
     * also takes an impression through the quality gate.
     */
    public SelfTestResult fingerprintReader(String setting, Duration waitForFinger) throws InterruptedException {
        FingerprintReader reader;
        try {
            reader = FingerprintReaders.open(setting);
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
        try {
            ReaderInfo info = reader.info();
            if (waitForFinger.isZero() || waitForFinger.isNegative()) {
                return log(new SelfTestResult(DeviceKind.FINGERPRINT_READER, info.port(), true, info.width() > 0
                        ? DeviceMessages.of("selfTest.reader.okSized", info.model(), info.adapter(), info.width(),
                                info.height(), info.ppi())
                        : DeviceMessages.of("selfTest.reader.ok", info.model(), info.adapter(), info.ppi())));
            }
            Impression i = new FingerprintCapture(reader).capture(FingerPosition.UNKNOWN, waitForFinger);
            return log(new SelfTestResult(DeviceKind.FINGERPRINT_READER, info.port(), true,
                    DeviceMessages.of("selfTest.reader.impression", info.model(), i.image().width(), i.image().height(),
                            i.quality().score())));
        } catch (FingerprintException e) {
            return log(new SelfTestResult(DeviceKind.FINGERPRINT_READER, reader.info().port(), false, e.message()));
        } finally {
            reader.close();
        }
    }

    /** Asks the authority for a token over a fresh digest; the token must verify against its trust anchor. */
    public SelfTestResult tsa(ConfiguredTsa tsa) {
        Rfc3161Client client = tsa.client();
        byte[] digest = Pki.sha256(("Tixun TSA self-test " + Instant.now()).getBytes(StandardCharsets.UTF_8));
        try {
            long t0 = System.nanoTime();
            Rfc3161Client.Token token = client.stamp(digest);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return log(new SelfTestResult(DeviceKind.TIME_STAMP, client.url(), true,
                    DeviceMessages.of("selfTest.tsa.ok", tsa.description(), token.time(), ms)));
        } catch (TimestampUnavailableException e) {
            return log(new SelfTestResult(DeviceKind.TIME_STAMP, client.url(), false, e.message()));
        }
    }

    /** Tests an external TSA from the values typed in Settings (before saving). */
    public SelfTestResult externalTsa(String url, String trustAnchorPem) {
        try (ConfiguredTsa tsa = ConfiguredTsa.external(url, trustAnchorPem)) {
            return tsa(tsa);
        } catch (DeviceUnavailableException e) {
            return log(SelfTestResult.of(e));
        }
    }

    private static SelfTestResult log(SelfTestResult r) {
        if (r.passed()) {
            LOG.info("self-test {} {}: {}", r.kind(), r.device(), r.message().english());
        } else {
            LOG.warn("self-test {} {}: {}", r.kind(), r.device(), r.message().english());
        }
        return r;
    }
}
