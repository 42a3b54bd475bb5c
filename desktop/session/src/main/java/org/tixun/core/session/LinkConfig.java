// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.time.Duration;

/**
 * Timing and size settings of the link.
 *
 * @param heartbeatInterval how often an idle side sends a heartbeat
 * @param lossTimeout silence after which the link is declared lost
 * @param connectTimeout TCP connect and TLS handshake limit
 * @param minBackoff first reconnect delay (workstation)
 * @param maxBackoff longest reconnect delay (workstation)
 * @param maxPayload frame payload limit in bytes
 */
public record LinkConfig(Duration heartbeatInterval, Duration lossTimeout, Duration connectTimeout,
        Duration minBackoff, Duration maxBackoff, int maxPayload) {
    public LinkConfig {
        if (heartbeatInterval.compareTo(lossTimeout) >= 0) {
            throw new IllegalArgumentException("heartbeat interval must be shorter than the loss timeout");
        }
    }

    /** Defaults for a LAN: heartbeat 500 ms, loss after 2 s, back-off 200 ms to 5 s, 32 MiB frames. */
    public static LinkConfig defaults() {
        return new LinkConfig(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(5), FrameCodec.DEFAULT_MAX_PAYLOAD);
    }

    /** The same settings with another loss timeout (heartbeat at a quarter of it). */
    public LinkConfig withLossTimeout(Duration timeout) {
        return new LinkConfig(timeout.dividedBy(4), timeout, connectTimeout, minBackoff, maxBackoff, maxPayload);
    }

    /** The same settings with another back-off range. */
    public LinkConfig withBackoff(Duration min, Duration max) {
        return new LinkConfig(heartbeatInterval, lossTimeout, connectTimeout, min, max, maxPayload);
    }
}
