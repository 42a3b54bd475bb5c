// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it is given (test helper); images of video frames are dropped after the first few to save memory. */
final class RecordingSink implements MediaSink {
    final List<VideoFrame> localVideo = new CopyOnWriteArrayList<>();
    final List<VideoFrame> remoteVideo = new CopyOnWriteArrayList<>();
    final List<AudioChunk> localAudio = new CopyOnWriteArrayList<>();
    final List<AudioChunk> remoteAudio = new CopyOnWriteArrayList<>();

    @Override
    public void video(Direction direction, VideoFrame frame) {
        (direction == Direction.LOCAL ? localVideo : remoteVideo).add(frame);
    }

    @Override
    public void audio(Direction direction, AudioChunk chunk) {
        (direction == Direction.LOCAL ? localAudio : remoteAudio).add(chunk);
    }

    /** Peak absolute sample of the remote audio whose capture time lies in [from, to). */
    int remotePeak(long fromMicros, long toMicros) {
        int peak = 0;
        for (AudioChunk c : remoteAudio) {
            for (int i = 0; i < c.samples().length; i++) {
                long t = c.captureEpochMicros() + i * 1_000_000L / c.sampleRate();
                if (t >= fromMicros && t < toMicros) {
                    peak = Math.max(peak, Math.abs(c.samples()[i]));
                }
            }
        }
        return peak;
    }

    static void await(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }
}
