// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.serial.PtyPair;

/** Shared helpers for tests that need real ptys. */
public final class PadTestSupport {

    private PadTestSupport() {
    }

    /** Fails (does not skip) when socat is missing, naming the Debian package. */
    public static void requireSocat() {
        assertThat(PtyPair.findSocat())
                .withFailMessage("these tests need real ptys: install the Debian package 'socat' (apt-get install socat)")
                .isNotNull();
    }

    /** Options for ptys: a short stop settle time keeps tests fast; a pty answers at any baud. */
    public static PadOptions fastOptions() {
        return PadOptions.defaults().withStopSettle(Duration.ofMillis(30))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    /** Polls until {@code condition} holds or {@code timeout} passes; returns the final value. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
