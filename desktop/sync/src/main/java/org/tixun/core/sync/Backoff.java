// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: base·2^(attempt-1) capped, then a random 50–100 % of it, never
 * shorter than the server's {@code Retry-After}.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
            () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());

    /** The wait before attempt {@code attempts + 1}, given {@code attempts} failed ones (at least 1). */
    public Duration delay(int attempts, Duration retryAfter) {
        int exp = Math.max(0, Math.min(30, attempts - 1));
        long raw = base.toMillis() * (1L << exp);
        long capped = Math.min(cap.toMillis(), raw < 0 ? Long.MAX_VALUE : raw);
        long jittered = (long) (capped * (0.5 + 0.5 * random.getAsDouble()));
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
