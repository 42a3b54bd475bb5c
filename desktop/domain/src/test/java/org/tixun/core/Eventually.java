// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a state the test needs (polling with a deadline), instead of sleeping and hoping. */
public final class Eventually {
    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds; fails after {@code timeout} with {@code what} and the state described by
     * {@code state}.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; state: "
                        + state.get());
            }
            Thread.sleep(20);
        }
    }
}
