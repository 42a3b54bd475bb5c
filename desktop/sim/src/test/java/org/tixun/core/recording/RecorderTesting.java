// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

/** Waiting for the recorder in tests: polls its state, no timing assertion (the surefire time-out bounds a hang). */
final class RecorderTesting {
    private RecorderTesting() {
    }

    static void awaitSegments(SessionRecorder r, int closed) throws InterruptedException {
        while (r.stats().segments() < closed) {
            if (r.stats().failure() != null) {
                throw new AssertionError("recorder failed: " + r.stats().failure());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Waits until {@code closed} segments are closed and one more frame has been encoded after that, so the next
     * segment holds a picture (a recorder stopped right at a segment boundary leaves no next segment).
     */
    static void awaitSegmentsAndAFrameMore(SessionRecorder r, int closed) throws InterruptedException {
        awaitSegments(r, closed);
        long at = r.stats().framesEncoded();
        while (r.stats().framesEncoded() <= at) {
            if (r.stats().failure() != null) {
                throw new AssertionError("recorder failed: " + r.stats().failure());
            }
            Thread.sleep(20);
        }
    }
}
