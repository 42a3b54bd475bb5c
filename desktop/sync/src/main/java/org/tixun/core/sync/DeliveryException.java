// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.time.Duration;

/** A failed delivery attempt: transient (retry after back-off) or a final refusal shown to the clerk. */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Integer status;
    private final transient Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Integer status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** Connection error, time-out, 429, 5xx or a local hiccup (disk full): try again later. */
    public static DeliveryException transientFailure(String message, Integer status, Duration retryAfter,
                                                     Throwable cause) {
        return new DeliveryException(message, true, status, retryAfter, cause);
    }

    /** The server said no (409/412/422…): never retried without the clerk. */
    public static DeliveryException refused(String message, Integer status) {
        return new DeliveryException(message, false, status, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status, null when none was received. */
    public Integer status() {
        return status;
    }

    /** The server's {@code Retry-After}, null if it gave none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
