// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import java.time.Duration;

/**
 * Tuning knobs for opening pads; the defaults suit real hardware.
 *
 * @param baudRate        fixed baud rate, or 0 to auto-detect (ISDV4: 38400 then 19200)
 * @param replyTimeout    how long to wait for a query reply per attempt
 * @param stopSettle      pause after the stop command before flushing (ISDV4 needs about 250 ms)
 * @param minBackoff      first reconnect delay
 * @param maxBackoff      largest reconnect delay
 * @param readTimeoutMs   how long one read waits before the reader loop checks for close
 * @param grab            evdev only: grab the device so the pen does not also move the cursor
 */
public record PadOptions(int baudRate, Duration replyTimeout, Duration stopSettle, Duration minBackoff,
        Duration maxBackoff, int readTimeoutMs, boolean grab) {

    /** Returns the defaults for real pads. */
    public static PadOptions defaults() {
        return new PadOptions(0, Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofMillis(100),
                Duration.ofSeconds(2), 100, true);
    }

    public PadOptions withBaudRate(int baud) {
        return new PadOptions(baud, replyTimeout, stopSettle, minBackoff, maxBackoff, readTimeoutMs, grab);
    }

    public PadOptions withStopSettle(Duration d) {
        return new PadOptions(baudRate, replyTimeout, d, minBackoff, maxBackoff, readTimeoutMs, grab);
    }

    public PadOptions withBackoff(Duration min, Duration max) {
        return new PadOptions(baudRate, replyTimeout, stopSettle, min, max, readTimeoutMs, grab);
    }

    public PadOptions withGrab(boolean g) {
        return new PadOptions(baudRate, replyTimeout, stopSettle, minBackoff, maxBackoff, readTimeoutMs, g);
    }
}
