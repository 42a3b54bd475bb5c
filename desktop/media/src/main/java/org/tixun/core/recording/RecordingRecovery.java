// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finalises a segment a crash left open (DOMAIN.md rule 3): hashes the bytes as they are, decodes them, marks the
 * segment {@link SegmentStatus#INTERRUPTED} (decodes) or {@link SegmentStatus#DAMAGED} (does not, kept in the chain
 * anyway), and logs the gap from the end of its last decodable picture to now, with the reason.
 */
public final class RecordingRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRecovery.class);
    /** Reason logged for the gap after a crash. */
    public static final String CRASH_REASON = RecordingWords.CRASHED;

    private RecordingRecovery() {
    }

    /**
     * Reads the directory's log and finalises an unclosed segment if there is one.
     *
     * @return the log's state after recovery, or null when the directory has no recording yet
     */
    public static RecordingLog.State recover(Path dir, RecordingListener listener, Clock clock) throws IOException {
        RecordingLog.State state = RecordingLog.read(dir);
        if (state == null || state.open() == null) {
            return state;
        }
        RecordingLog.Entry open = state.open();
        Path file = dir.resolve(open.name());
        long size = Files.isRegularFile(file) ? Files.size(file) : 0;
        String sha = sha256(file);
        MediaProbe.Result decoded = MediaProbe.decode(file);
        SegmentStatus status = decoded.videoFrames() > 0 ? SegmentStatus.INTERRUPTED : SegmentStatus.DAMAGED;
        Instant end = open.start().plusNanos(decoded.durationMicros() * 1000);
        String link = RecordingChain.link(state.chainHead(), sha, open.index(), open.name(), size, open.start(), end,
                status);
        RecordingManifest.Segment s = new RecordingManifest.Segment(open.index(), open.name(), open.start(), end, size,
                sha, link, status);
        Instant now = clock.instant();
        try (RecordingLog log = RecordingLog.open(dir)) {
            log.append(RecordingLog.Entry.close(now, s, decoded.videoFrames()));
            listener.segmentClosed(state.sessionId(), state.recordId(), s, file, state.chainHead());
            RecordingManifest.Event recovered = new RecordingManifest.Event(RecordingEventKind.RECOVERED, now, null,
                    open.name() + " " + status.zh() + " (" + status.en() + "): " + decoded.videoFrames()
                            + " frames decodable, " + size + " bytes", null);
            log.append(RecordingLog.Entry.event(now, recovered));
            listener.event(state.sessionId(), state.recordId(), recovered);
            RecordingManifest.Event gap = new RecordingManifest.Event(RecordingEventKind.GAP, end, now, CRASH_REASON,
                    null);
            log.append(RecordingLog.Entry.event(now, gap));
            listener.event(state.sessionId(), state.recordId(), gap);
        }
        LOG.warn("recovered segment {} of session {}: {} ({} frames), gap {} -> {}", open.name(), state.sessionId(),
                status, decoded.videoFrames(), end, now);
        return RecordingLog.read(dir);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        if (Files.isRegularFile(file)) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
