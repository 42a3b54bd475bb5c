// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tixun.core.evidence.EvidenceJson;

/**
 * What a session's recording consists of, written when the recorder closes ({@value #FILE_NAME} in the session
 * directory) and embedded in the sealed record: segments with their hashes and chain values, gaps and events, the
 * chain head.
 *
 * @param format format tag {@value #FORMAT}
 * @param sessionId session id
 * @param recordId record id, or null when the session had none yet
 * @param start start of the first segment
 * @param end end of the last segment
 * @param width picture width
 * @param height picture height
 * @param fps frame rate
 * @param segments segments in order
 * @param events gaps and events in time order
 * @param chainHead chain value of the last segment ({@link RecordingChain#GENESIS} when there is none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordingManifest(String format, String sessionId, String recordId, Instant start, Instant end,
        int width, int height, int fps, List<Segment> segments, List<Event> events, String chainHead) {
    public static final String FORMAT = "tixun-recording-manifest/1";
    /** File name in the session directory and of the attachment in the sealed PDF. */
    public static final String FILE_NAME = "recording-manifest.json";

    public RecordingManifest {
        Objects.requireNonNull(sessionId, "sessionId");
        segments = List.copyOf(segments);
        events = List.copyOf(events);
    }

    /**
     * One segment file.
     *
     * @param index number from 1
     * @param name file name in the session directory
     * @param start wall-clock time of its first frame
     * @param end wall-clock time after its last frame
     * @param size bytes
     * @param sha256 hex SHA-256 of the file
     * @param chain chain value after this segment ({@link RecordingChain})
     * @param status how it ended
     */
    public record Segment(int index, String name, Instant start, Instant end, long size, String sha256, String chain,
            SegmentStatus status) {
    }

    /**
     * A gap or an event.
     *
     * @param kind what happened
     * @param from when (start of a gap)
     * @param to end of a gap; null for an instant event
     * @param reason why (free text), or null
     * @param actor the user who caused or confirmed it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(RecordingEventKind kind, Instant from, Instant to, String reason, String actor) {
    }

    /** Gaps only. */
    public List<Event> gaps() {
        return events.stream().filter(e -> e.kind() == RecordingEventKind.GAP).toList();
    }

    /** Total bytes of all segments. */
    public long totalBytes() {
        return segments.stream().mapToLong(Segment::size).sum();
    }

    public byte[] toJson() {
        try {
            return EvidenceJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("recording manifest serialisation failed", e);
        }
    }

    public static RecordingManifest parse(byte[] json) throws IOException {
        return EvidenceJson.mapper().readValue(json, RecordingManifest.class);
    }

    public static RecordingManifest read(Path file) throws IOException {
        return parse(java.nio.file.Files.readAllBytes(file));
    }
}
