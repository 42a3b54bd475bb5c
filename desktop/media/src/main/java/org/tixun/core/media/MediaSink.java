// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

/**
 * Consumer of session media: the on-screen view, the recorder, the bench probe. Called from media threads; an
 * implementation must return quickly (queue the work) and must not block the caller on I/O.
 */
public interface MediaSink {
    /** A picture from one direction. */
    void video(Direction direction, VideoFrame frame);

    /** Audio from one direction. */
    void audio(Direction direction, AudioChunk chunk);
}
