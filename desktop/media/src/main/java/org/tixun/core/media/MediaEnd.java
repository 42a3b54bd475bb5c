// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both ends of the two-way audio/video share: the local sources fanned out to the local sink
 * ({@link Direction#LOCAL}) and to the current media connection's sender, that connection's counters, listener calls
 * that cannot break the media threads, and stopping the sources (the caller owns and closes them).
 */
abstract class MediaEnd {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEnd.class);
    final VideoSource video;
    final AudioSource audio;
    final MediaSink sink;
    final AvSettings settings;
    final MediaCallListener listener;
    volatile MediaConnection connection;
    volatile boolean closed;

    /** @param audio the microphone, or null to send no audio */
    MediaEnd(VideoSource video, AudioSource audio, MediaSink sink, AvSettings settings, MediaCallListener listener) {
        this.video = Objects.requireNonNull(video, "video");
        this.audio = audio;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener == null ? MediaCallListener.NONE : listener;
    }

    /** Starts the sources: every frame and chunk to the local sink and, while connected, to the other end. */
    final void startSources() {
        video.start(f -> {
            sink.video(Direction.LOCAL, f);
            MediaConnection c = connection;
            if (c != null) {
                c.sender().video(f);
            }
        });
        if (audio != null) {
            audio.start(a -> {
                sink.audio(Direction.LOCAL, a);
                MediaConnection c = connection;
                if (c != null) {
                    c.sender().audio(a);
                }
            });
        }
    }

    /** Stops the sources (not closed: the caller owns them). */
    final void stopSources() {
        video.stop();
        if (audio != null) {
            audio.stop();
        }
    }

    /** Runs a listener call; a failing listener is logged, never thrown into a media thread. */
    static void report(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("media listener failed", e);
        }
    }

    /** Whether a media connection is up. */
    public final boolean isConnected() {
        MediaConnection c = connection;
        return c != null && c.isOpen();
    }

    /** The current connection's sender counters, or null. */
    public final AvSender.Stats senderStats() {
        MediaConnection c = connection;
        return c == null ? null : c.sender().stats();
    }

    /** The current connection's receiver counters, or null. */
    public final AvReceiver.Stats receiverStats() {
        MediaConnection c = connection;
        return c == null ? null : c.receiver().stats();
    }
}
