// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The session's recording log, {@value #FILE_NAME}: one JSON object per line, each line written and fsynced before
 * the action it records goes on (segment opened, segment closed, event, gap). After a crash it says which segment
 * was open and what the chain was.
 */
public final class RecordingLog implements AutoCloseable {
    public static final String FILE_NAME = "recording-log.jsonl";

    /** Line types. */
    public enum Type { SESSION, SEGMENT_OPEN, SEGMENT_CLOSE, EVENT }

    /**
     * One line. Fields not used by a type are null.
     *
     * @param type line type
     * @param at when it was written
     * @param sessionId session id (SESSION)
     * @param recordId record id (SESSION)
     * @param width picture width (SESSION)
     * @param height picture height (SESSION)
     * @param fps frame rate (SESSION)
     * @param index segment index (SEGMENT_*)
     * @param name segment file name (SEGMENT_*)
     * @param start segment start (SEGMENT_*)
     * @param end segment end (SEGMENT_CLOSE)
     * @param size segment bytes (SEGMENT_CLOSE)
     * @param sha256 segment SHA-256 (SEGMENT_CLOSE)
     * @param chain chain value (SEGMENT_CLOSE)
     * @param status segment status (SEGMENT_CLOSE)
     * @param frames frames encoded (SEGMENT_CLOSE; for a recovered segment the frames decoded)
     * @param event the event (EVENT)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Type type, Instant at, String sessionId, String recordId, Integer width, Integer height,
            Integer fps, Integer index, String name, Instant start, Instant end, Long size, String sha256, String chain,
            SegmentStatus status, Long frames, RecordingManifest.Event event) {
        static Entry session(Instant at, String sessionId, String recordId, RecordingConfig c) {
            return new Entry(Type.SESSION, at, sessionId, recordId, c.width(), c.height(), c.fps(), null, null, null,
                    null, null, null, null, null, null, null);
        }

        static Entry open(Instant at, int index, String name, Instant start) {
            return new Entry(Type.SEGMENT_OPEN, at, null, null, null, null, null, index, name, start, null, null, null,
                    null, null, null, null);
        }

        static Entry close(Instant at, RecordingManifest.Segment s, long frames) {
            return new Entry(Type.SEGMENT_CLOSE, at, null, null, null, null, null, s.index(), s.name(), s.start(),
                    s.end(), s.size(), s.sha256(), s.chain(), s.status(), frames, null);
        }

        static Entry event(Instant at, RecordingManifest.Event e) {
            return new Entry(Type.EVENT, at, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, e);
        }
    }

    /** What a log says, read back. */
    public record State(String sessionId, String recordId, int width, int height, int fps,
            List<RecordingManifest.Segment> closed, Entry open, List<RecordingManifest.Event> events, int lines) {
        public String chainHead() {
            return closed.isEmpty() ? RecordingChain.GENESIS : closed.get(closed.size() - 1).chain();
        }

        public int nextIndex() {
            int max = closed.stream().mapToInt(RecordingManifest.Segment::index).max().orElse(0);
            return Math.max(max, open == null ? 0 : open.index()) + 1;
        }

        public Instant lastEnd() {
            return closed.isEmpty() ? null : closed.get(closed.size() - 1).end();
        }

        public RecordingManifest manifest() {
            Instant start = closed.isEmpty() ? null : closed.get(0).start();
            return new RecordingManifest(RecordingManifest.FORMAT, sessionId, recordId, start, lastEnd(), width,
                    height, fps, closed, events, chainHead());
        }
    }

    private final FileChannel channel;

    private RecordingLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens (creates) the log for appending. */
    public static RecordingLog open(Path dir) throws IOException {
        return new RecordingLog(FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** Appends one line and forces it to disk. */
    public synchronized void append(Entry e) throws IOException {
        byte[] line = (EvidenceJson.mapper().writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Reads a log. A last line cut short by a crash is ignored (it was never acknowledged); any other unreadable line
     * is an error.
     *
     * @return the state, or null when there is no log or it is empty
     */
    public static State read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        }
        if (lines.isEmpty()) {
            // Created but nothing acknowledged yet (a crash at the very start): no recording.
            return null;
        }
        String sessionId = null;
        String recordId = null;
        int w = 0;
        int h = 0;
        int fps = 0;
        Map<Integer, RecordingManifest.Segment> closed = new LinkedHashMap<>();
        Entry open = null;
        List<RecordingManifest.Event> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry e;
            try {
                e = EvidenceJson.mapper().readValue(lines.get(i), Entry.class);
            } catch (IOException ex) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new LocalizedIOException(MediaMessages.of("rec.log.unreadableLine", i + 1, file), ex);
            }
            switch (e.type()) {
                case SESSION -> {
                    if (sessionId == null) {
                        sessionId = e.sessionId();
                        w = e.width();
                        h = e.height();
                        fps = e.fps();
                    }
                    if (e.recordId() != null) {
                        recordId = e.recordId();
                    }
                }
                case SEGMENT_OPEN -> open = e;
                case SEGMENT_CLOSE -> {
                    closed.put(e.index(), new RecordingManifest.Segment(e.index(), e.name(), e.start(), e.end(),
                            e.size(), e.sha256(), e.chain(), e.status()));
                    if (open != null && open.index().equals(e.index())) {
                        open = null;
                    }
                }
                case EVENT -> events.add(e.event());
            }
        }
        if (sessionId == null) {
            throw new LocalizedIOException(MediaMessages.of("rec.log.noSession", file));
        }
        return new State(sessionId, recordId, w, h, fps, List.copyOf(closed.values()), open, events, lines.size());
    }
}
