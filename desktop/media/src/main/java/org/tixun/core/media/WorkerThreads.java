// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.slf4j.Logger;

/** Stopping the media worker threads (capture, encoder, decoder) the same way everywhere. */
public final class WorkerThreads {
    private WorkerThreads() {
    }

    /**
     * Waits up to {@code millis} for {@code t} to end (nothing if it is null or the calling thread itself); keeps the
     * caller's interrupt status; logs {@code stuck} on {@code log} if the thread is still alive afterwards.
     */
    public static void await(Thread t, long millis, Logger log, String stuck) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn(stuck);
        }
    }
}
