// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Told about every segment and event as it happens, on the recorder's thread, after the recording log has it
 * (e.g. {@link RecordingLedger}: the {@code recording_segment} table and the audit log).
 */
public interface RecordingListener {
    /** Does nothing. */
    RecordingListener NONE = new RecordingListener() {
    };

    /** A segment file was opened. */
    default void segmentOpened(String sessionId, String recordId, int index, Path file, Instant start)
            throws IOException {
    }

    /** A segment was closed (or finalised after a crash); {@code previousChain} is the chain value before it. */
    default void segmentClosed(String sessionId, String recordId, RecordingManifest.Segment segment, Path file,
            String previousChain) throws IOException {
    }

    /** An event or gap was logged. */
    default void event(String sessionId, String recordId, RecordingManifest.Event event) throws IOException {
    }
}
