// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import java.util.List;
import java.util.function.Supplier;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.PadCatalog;
import org.tixun.core.devices.audio.Microphones;
import org.tixun.core.devices.camera.NativeCamera;
import org.tixun.core.devices.camera.NativeCameras;
import org.tixun.core.devices.fingerprint.FingerprintReaders;

/**
 * What Settings offers: the cameras, microphones, signature pads and fingerprint readers found on this computer, as
 * {@link DeviceChoice}s whose ids are the setting values. Each list is taken fresh (devices come and go); calls may
 * take a moment (FFmpeg, libfprint, sysfs): make them off the UI thread.
 */
public final class DeviceDiscovery {
    private final NativeCameras cameras;
    private final PadCatalog pads;
    private final Supplier<List<DeviceChoice>> microphones;
    private final Supplier<List<DeviceChoice>> fingerprintReaders;

    /** The devices of this computer. */
    public DeviceDiscovery() {
        this(new NativeCameras(), new PadCatalog(), Microphones::discover, FingerprintReaders::discover);
    }

    /** Discovery from these sources (tests give cameras and pads another sysfs tree). */
    public DeviceDiscovery(NativeCameras cameras, PadCatalog pads, Supplier<List<DeviceChoice>> microphones,
            Supplier<List<DeviceChoice>> fingerprintReaders) {
        this.cameras = cameras;
        this.pads = pads;
        this.microphones = microphones;
        this.fingerprintReaders = fingerprintReaders;
    }

    /** Cameras attached to this computer (IP cameras are entered as a URL, not discovered). */
    public List<DeviceChoice> cameras() {
        return cameras.discover().stream().map(DeviceDiscovery::choice).toList();
    }

    private static DeviceChoice choice(NativeCamera c) {
        return new DeviceChoice(DeviceKind.CAMERA, c.deviceName(), c.deviceName());
    }

    /** Capture devices (microphones). */
    public List<DeviceChoice> microphones() {
        return microphones.get();
    }

    /** Signature pads ({@code tixun pad list}'s candidates with their protocols). */
    public List<DeviceChoice> pads() {
        return pads.discover();
    }

    /** libfprint image readers (GA/T 626.1 libraries are entered as a path). */
    public List<DeviceChoice> fingerprintReaders() {
        return fingerprintReaders.get();
    }

    /** The choices of one kind ({@link DeviceKind#TIME_STAMP}: none). */
    public List<DeviceChoice> of(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> cameras();
            case MICROPHONE -> microphones();
            case SIGNATURE_PAD -> pads();
            case FINGERPRINT_READER -> fingerprintReaders();
            case TIME_STAMP -> List.of();
        };
    }
}
