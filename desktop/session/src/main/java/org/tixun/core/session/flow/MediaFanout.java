// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.VideoFrame;

/** One media source, several consumers (the screen and the recorder); a sink added later joins at once. */
public final class MediaFanout implements MediaSink {
    private final List<MediaSink> sinks = new CopyOnWriteArrayList<>();

    public MediaFanout add(MediaSink sink) {
        sinks.add(sink);
        return this;
    }

    public void remove(MediaSink sink) {
        sinks.remove(sink);
    }

    @Override
    public void video(Direction direction, VideoFrame frame) {
        for (MediaSink s : sinks) {
            s.video(direction, frame);
        }
    }

    @Override
    public void audio(Direction direction, AudioChunk chunk) {
        for (MediaSink s : sinks) {
            s.audio(direction, chunk);
        }
    }
}
