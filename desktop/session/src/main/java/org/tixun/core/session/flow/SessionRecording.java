// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.time.Instant;
import org.tixun.core.evidence.model.RecordingSpan;
import org.tixun.core.media.MediaSink;

/**
 * The session recording as the flow needs it (the recorder of {@code org.tixun.core.recording} behind it): a
 * {@link MediaSink} for both directions, link events for the gap log, the recording span of a signature event
 * (rule 12) and the manifest sealed with the record. {@link #none()} until a recorder is wired.
 */
public interface SessionRecording extends MediaSink, AutoCloseable {
    /** The link dropped (logged as an interruption of the session, not of the recording). */
    void linkLost(String reason) throws IOException;

    /** The link is back. */
    void linkRestored() throws IOException;

    /**
     * Private mute on the workstation started ({@code on}) or ended: the terminal neither hears nor records it; the
     * master recording keeps the audio and its log notes the interval with the user (sealed with the record).
     */
    void privateMute(boolean on, String user) throws IOException;

    /**
     * The span of the recording in which {@code start}..{@code end} happened: the segment that contains
     * {@code start} and its SHA-256 once that segment is closed; {@code fallback} when there is no recording.
     */
    RecordingSpan span(Instant start, Instant end, RecordingSpan fallback) throws IOException;

    /** When the recording began, the record's start time (rule 2); null without a recording. */
    Instant startedAt();

    /** Ends the recording and returns its manifest JSON (sealed with the record), or null without a recording. */
    byte[] finish(String actor) throws IOException;

    /** The folder of the segments (for verification), or null without a recording. */
    java.nio.file.Path directory();

    /** One line of figures for the headless report, or empty. */
    String figures();

    @Override
    void close() throws IOException;

    /** No recording: spans stay as the terminal sent them, nothing is sealed with the record. */
    static SessionRecording none() {
        return new SessionRecording() {
            @Override
            public void video(org.tixun.core.media.Direction direction, org.tixun.core.media.VideoFrame frame) {
                // nothing recorded
            }

            @Override
            public void audio(org.tixun.core.media.Direction direction, org.tixun.core.media.AudioChunk chunk) {
                // nothing recorded
            }

            @Override
            public void linkLost(String reason) {
                // no recording to annotate
            }

            @Override
            public void linkRestored() {
                // no recording to annotate
            }

            @Override
            public void privateMute(boolean on, String user) {
                // no recording to annotate
            }

            @Override
            public RecordingSpan span(Instant start, Instant end, RecordingSpan fallback) {
                return fallback;
            }

            @Override
            public Instant startedAt() {
                return null;
            }

            @Override
            public byte[] finish(String actor) {
                return null;
            }

            @Override
            public java.nio.file.Path directory() {
                return null;
            }

            @Override
            public String figures() {
                return "";
            }

            @Override
            public void close() {
                // nothing to close
            }
        };
    }
}
