// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.recording.RecordingListener;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.SessionRecorder;

/** The session recording by {@link SessionRecorder}: hash-chained segments in the session's folder. */
public final class RecorderRecording implements SessionRecording {
    private final SessionRecorder recorder;
    private volatile RecordingManifest finished;

    private RecorderRecording(SessionRecorder recorder) {
        this.recorder = recorder;
    }

    /** Starts (or continues, after a restart) the recording of a session in {@code dir}. */
    public static RecorderRecording start(Path dir, String sessionId, String recordId, String actor,
            RecordingConfig config) throws IOException {
        return new RecorderRecording(SessionRecorder.start(dir, sessionId, recordId, actor, config,
                new RecordingListener() {
                }, Clock.systemUTC()));
    }

    @Override
    public Path directory() {
        return recorder.directory();
    }

    @Override
    public void video(Direction direction, VideoFrame frame) {
        recorder.video(direction, frame);
    }

    @Override
    public void audio(Direction direction, AudioChunk chunk) {
        recorder.audio(direction, chunk);
    }

    @Override
    public void linkLost(String reason) throws IOException {
        recorder.linkLost(reason);
    }

    @Override
    public void linkRestored() throws IOException {
        recorder.linkRestored();
    }

    @Override
    public void privateMute(boolean on, String user) throws IOException {
        if (on) {
            recorder.privateMuteStart(user, RecordWords.PRIVATE_CONSULTATION);
        } else {
            recorder.privateMuteEnd(user);
        }
    }

    @Override
    public RecordingSpan span(Instant start, Instant end, RecordingSpan fallback) {
        RecordingManifest m = finished != null ? finished : recorder.manifest();
        for (RecordingManifest.Segment s : m.segments()) {
            if (s.sha256() != null && !start.isBefore(s.start()) && start.isBefore(s.end())) {
                return new RecordingSpan(s.name(), s.sha256(), start, end);
            }
        }
        return fallback;
    }

    @Override
    public Instant startedAt() {
        return recorder.startedAt();
    }

    @Override
    public byte[] finish(String actor) throws IOException {
        if (finished == null) {
            finished = recorder.finish(actor);
        }
        return finished.toJson();
    }

    /** The manifest after {@link #finish}, or null. */
    public RecordingManifest manifest() {
        return finished;
    }

    @Override
    public String figures() {
        SessionRecorder.Stats s = recorder.stats();
        RecordingManifest m = finished != null ? finished : recorder.manifest();
        return String.format("recording: %d segments, %d bytes; %s", m.segments().size(), m.totalBytes(), s);
    }

    @Override
    public void close() throws IOException {
        recorder.close();
    }
}
