// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.tixun.signpad.decode.StreamDecoder;

/** Feeds link input to a decoder until a reply shows up or time runs out. */
final class Replies {

    private Replies() {
    }

    /** Returns true once {@code done} holds, false after {@code timeout}; pen packets read meanwhile are discarded. */
    static boolean await(ByteLink link, StreamDecoder decoder, Duration timeout, BooleanSupplier done)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[256];
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            int n = link.read(buffer, 0, buffer.length);
            if (n > 0) {
                decoder.feed(buffer, 0, n, pen -> { });
            }
        }
        return true;
    }

    static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during handshake", e);
        }
    }
}
