// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import org.tixun.core.store.Settings;

/**
 * The settings keys of the devices and the time-stamp authority (stored in the data directory's database through
 * {@link Settings}). Values are chosen in Settings from the devices found, never typed as specs, except an IP
 * camera's RTSP URL, a GA/T 626.1 library path and an external TSA's URL.
 */
public final class DeviceSettings {
    /** The camera: a native camera's name as listed ({@code HD Webcam C270 (/dev/video0)}) or an {@code rtsp://} URL. */
    public static final String CAMERA = "media.camera";
    /** The microphone: a capture mixer's name as listed (e.g. {@code default [default]}). */
    public static final String MICROPHONE = "media.microphone";
    /** This machine's signature pad, {@code PROTOCOL:PORT} as discovered (e.g. {@code STU:/dev/hidraw0}). */
    public static final String PAD = "devices.pad";
    /** The fingerprint reader: {@code livescan:/path/lib.so[#CHANNEL]} or {@code libfprint:DRIVER:DEVICE_ID}. */
    public static final String FINGERPRINT = "devices.fingerprint";
    /** Which TSA stamps the records: {@code institution} (the institution's own, default) or {@code external}. */
    public static final String TSA_MODE = "tsa.mode";
    /** The external TSA's URL ({@code https://...} or {@code http://...}). */
    public static final String TSA_URL = "tsa.url";
    /** The external TSA's trust anchor: its root or issuing CA certificate, PEM. */
    public static final String TSA_TRUST_ANCHOR = "tsa.trustAnchor";
    /** The GM (SM2/SM3) signature track on sealing: {@code true} or {@code false} (default). */
    public static final String GM_ENABLED = "evidence.gm";
    /** The GM key store, a PKCS#12 file; default {@code gm.p12} in the data directory. */
    public static final String GM_KEYSTORE = "evidence.gm.keystore";

    /** {@link #TSA_MODE} value of the institution's own TSA. */
    public static final String TSA_INSTITUTION = "institution";
    /** {@link #TSA_MODE} value of an external RFC 3161 TSA. */
    public static final String TSA_EXTERNAL = "external";

    private DeviceSettings() {
    }

    /** A setting's value, trimmed; "" when absent. */
    public static String get(Settings settings, String key) {
        return settings.get(key).map(String::trim).orElse("");
    }

    /** The signature pad: {@link #PAD}, else the earlier workstation-only {@link Settings#WORKSTATION_PAD}. */
    public static String pad(Settings settings) {
        String pad = get(settings, PAD);
        return pad.isEmpty() ? get(settings, Settings.WORKSTATION_PAD) : pad;
    }

    /** Whether the GM track is switched on. */
    public static boolean gmEnabled(Settings settings) {
        return Boolean.parseBoolean(get(settings, GM_ENABLED));
    }
}
