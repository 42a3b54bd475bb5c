// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

/**
 * What a fingerprint reader is, for the evidence manifest and the self-test.
 *
 * @param adapter the adapter, e.g. {@code GA/T 626.1 LIVESCAN} or {@code libfprint}
 * @param model the model as the reader or its library describes itself
 * @param port where it is: the library path and channel, or the libfprint driver and device id
 * @param ppi resolution in pixels per inch
 * @param width image width in pixels (0 if the reader only tells with the first image)
 * @param height image height in pixels (0 if unknown before the first image)
 */
public record ReaderInfo(String adapter, String model, String port, int ppi, int width, int height) {
    /** For people: {@code libfprint · Virtual image device · virtual_image:0 · 500 ppi}. */
    public String describe() {
        return adapter + " · " + model + " · " + port + " · " + ppi + " ppi";
    }
}
