// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

import java.util.Locale;

/**
 * What a pad reported about itself (or what its protocol implies) once opened.
 *
 * @param model          model or firmware description
 * @param transport      how the pad is attached
 * @param port           port, device path or HID path used to open it
 * @param maxX           largest x value
 * @param maxY           largest y value
 * @param maxPressure    largest pressure value, 0 when the pad has no pressure
 * @param hasPressure    false for tip-only pads (Topaz): pressure is then 1 in contact, 0 otherwise
 * @param hasTilt        whether tilt values are meaningful
 * @param resolutionPerMm pad units per millimetre, 0 when unknown
 * @param reportRateHz   nominal report rate in samples per second
 * @param lcdWidth       LCD width in pixels, 0 when the pad has no screen
 * @param lcdHeight      LCD height in pixels, 0 when the pad has no screen
 * @param hasDeviceTime  whether samples carry a device clock
 */
public record PadInfo(
        String model,
        Transport transport,
        String port,
        int maxX,
        int maxY,
        int maxPressure,
        boolean hasPressure,
        boolean hasTilt,
        double resolutionPerMm,
        int reportRateHz,
        int lcdWidth,
        int lcdHeight,
        boolean hasDeviceTime) {

    /** Returns whether the pad has an LCD to show text or the ink on. */
    public boolean hasLcd() {
        return lcdWidth > 0 && lcdHeight > 0;
    }

    /** Returns a one-line description for logs and the CLI. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(model).append(" (").append(transport).append(' ').append(port).append("): ")
                .append(maxX).append('x').append(maxY);
        if (hasPressure) {
            sb.append(", pressure 0..").append(maxPressure);
        } else {
            sb.append(", tip only, no pressure");
        }
        if (hasTilt) {
            sb.append(", tilt");
        }
        if (resolutionPerMm > 0) {
            sb.append(", ").append(String.format(Locale.ROOT, "%.1f", resolutionPerMm)).append(" units/mm");
        }
        sb.append(", ").append(reportRateHz).append(" Hz");
        if (hasLcd()) {
            sb.append(", LCD ").append(lcdWidth).append('x').append(lcdHeight);
        }
        if (hasDeviceTime) {
            sb.append(", device clock");
        }
        return sb.toString();
    }
}
