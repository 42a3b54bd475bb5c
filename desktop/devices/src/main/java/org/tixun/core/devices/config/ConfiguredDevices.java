// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tixun.core.TixunException;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.PadSpec;
import org.tixun.core.devices.audio.Microphones;
import org.tixun.core.devices.camera.Cameras;
import org.tixun.core.devices.camera.RtspCamera;
import org.tixun.core.devices.fingerprint.FingerprintReader;
import org.tixun.core.devices.fingerprint.FingerprintReaders;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.media.JavaSoundMicrophone;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.VideoSource;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;
import org.tixun.signpad.PadException;
import org.tixun.signpad.SignaturePad;

/**
 * The factory of this machine's configured devices, read from {@link Settings} ({@link DeviceSettings}): the session
 * and signing screens call it to get the camera, microphone, signature pad, fingerprint reader and time-stamp
 * authority. Every problem is a {@link DeviceUnavailableException} saying what is wrong and what to do; nothing is
 * ever replaced by a simulator, a sample or a test tone.
 *
 * <p>Opening blocks (device handshakes, network): call off the UI thread. The caller closes what it opens.
 */
public final class ConfiguredDevices implements org.tixun.core.media.MediaDevices {
    private final Settings settings;
    private final DeviceDiscovery discovery;

    /** Devices of this computer as configured in {@code settings}. */
    public ConfiguredDevices(Settings settings) {
        this(settings, new DeviceDiscovery());
    }

    public ConfiguredDevices(Settings settings, DeviceDiscovery discovery) {
        this.settings = settings;
        this.discovery = discovery;
    }

    /** The raw setting of a kind ("" if none; the TSA's mode for {@link DeviceKind#TIME_STAMP}). */
    public String setting(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> DeviceSettings.get(settings, DeviceSettings.CAMERA);
            case MICROPHONE -> DeviceSettings.get(settings, DeviceSettings.MICROPHONE);
            case SIGNATURE_PAD -> DeviceSettings.pad(settings);
            case FINGERPRINT_READER -> DeviceSettings.get(settings, DeviceSettings.FINGERPRINT);
            case TIME_STAMP -> DeviceSettings.get(settings, DeviceSettings.TSA_MODE);
        };
    }

    /**
     * Opens the configured camera (not started).
     *
     * @throws DeviceUnavailableException none configured, the demo's synthetic camera, not attached, or it fails
     */
    @Override
    public VideoSource openCamera(Dimension size, int fps) {
        return openCamera(setting(DeviceKind.CAMERA), size, fps);
    }

    /** Opens the camera of a setting value (Settings' 「测试」 uses it before saving). */
    public VideoSource openCamera(String setting, Dimension size, int fps) {
        String v = setting == null ? "" : setting.trim();
        if (v.isEmpty()) {
            throw DeviceUnavailableException.notConfigured(DeviceKind.CAMERA);
        }
        String shown = RtspCamera.isRtsp(v) ? RtspCamera.redact(v) : v;
        if (v.startsWith("synthetic")) {
            throw DeviceUnavailableException.refused(DeviceKind.CAMERA, v, DeviceMessages.of("configured.syntheticCamera"));
        }
        if (!RtspCamera.isRtsp(v)) {
            List<DeviceChoice> found = discovery.cameras();
            if (found.stream().noneMatch(c -> c.id().equals(v))) {
                throw DeviceUnavailableException.notFound(DeviceKind.CAMERA, v,
                        found.stream().map(DeviceChoice::id).toList());
            }
        }
        try {
            return Cameras.open(v, size, fps);
        } catch (MediaDeviceException e) {
            throw DeviceUnavailableException.failed(DeviceKind.CAMERA, shown, e);
        }
    }

    /**
     * Opens the configured microphone.
     *
     * @throws DeviceUnavailableException none configured, the test tone, not found, or it cannot be opened
     */
    @Override
    public JavaSoundMicrophone openMicrophone() {
        return Microphones.open(setting(DeviceKind.MICROPHONE));
    }

    /**
     * The configured pad's spec.
     *
     * @throws DeviceUnavailableException none configured or the setting is not {@code PROTOCOL:PORT}
     */
    public PadSpec padSpec() {
        return padSpec(setting(DeviceKind.SIGNATURE_PAD));
    }

    /** The spec of a pad setting value. */
    public static PadSpec padSpec(String setting) {
        try {
            return PadSpec.parse(setting).orElseThrow(() -> DeviceUnavailableException.notConfigured(
                    DeviceKind.SIGNATURE_PAD));
        } catch (IllegalArgumentException e) {
            throw DeviceUnavailableException.failed(DeviceKind.SIGNATURE_PAD, setting, e);
        }
    }

    /**
     * Opens the configured signature pad through the production driver (handshake done, not started).
     *
     * @throws DeviceUnavailableException none configured, or the pad does not answer
     */
    public SignaturePad openPad() {
        return openPad(padSpec());
    }

    /** Opens a pad (Settings' 「测试」 uses it before saving). */
    public static SignaturePad openPad(PadSpec spec) {
        try {
            return spec.open();
        } catch (PadException | RuntimeException e) {
            throw new DeviceUnavailableException(DeviceKind.SIGNATURE_PAD, spec.describe(),
                    DeviceMessages.of("configured.padNoAnswer", spec.describe(), e),
                    DeviceMessages.of("configured.remedy.padNoAnswer"), e);
        }
    }

    /**
     * Opens the configured fingerprint reader.
     *
     * @throws DeviceUnavailableException none configured, the library or reader missing, or it fails to open
     */
    public FingerprintReader openFingerprintReader() {
        return FingerprintReaders.open(setting(DeviceKind.FINGERPRINT_READER));
    }

    /**
     * The configured time-stamp authority.
     *
     * @throws DeviceUnavailableException an external TSA without a valid URL or trust anchor
     */
    public ConfiguredTsa openTsa(InstitutionKeyStore keys) {
        return ConfiguredTsa.open(settings, keys);
    }

    /** Whether the GM (SM2/SM3) track is switched on. */
    public boolean gmEnabled() {
        return DeviceSettings.gmEnabled(settings);
    }

    /** The GM key store file: {@link DeviceSettings#GM_KEYSTORE}, else {@code gm.p12} in {@code dataDir}. */
    public Path gmKeystorePath(Path dataDir) {
        String p = DeviceSettings.get(settings, DeviceSettings.GM_KEYSTORE);
        return p.isEmpty() ? dataDir.resolve("gm.p12") : Path.of(p);
    }

    /**
     * The GM key store when the GM track is on (empty when off).
     *
     * @throws TixunException (key store exit) if it is on but the key store is missing or cannot be opened
     */
    public Optional<GmKeyStore> openGm(Path dataDir, char[] passphrase) {
        if (!gmEnabled()) {
            return Optional.empty();
        }
        Path p = gmKeystorePath(dataDir);
        if (!Files.isRegularFile(p)) {
            throw new TixunException(TixunException.Exit.KEYSTORE, DeviceMessages.of("configured.gmMissing", p));
        }
        try {
            return Optional.of(GmKeyStore.open(p, passphrase));
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.KEYSTORE, DeviceMessages.of("configured.gmUnreadable", p, e), e);
        }
    }
}
