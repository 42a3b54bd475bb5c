// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.TerminalLink;

/**
 * The terminal's own copy of the session recording (issue 5: "the terminal keeps its own local copy as a backup"):
 * what its camera and microphone captured (LOCAL) and what it received from the workstation (REMOTE), recorded
 * like the master with {@code SessionRecorder} into {@code <data dir>/sessions/<session id>/recording-backup}.
 *
 * <p>It starts when a session connects, notes link losses and restorations in the recording log, and finishes
 * (writing the recording manifest) on {@link #close()}. After a crash or power cut the next start of the same
 * session continues in the same folder: the segment being written is finalised as interrupted and the gap logged.
 */
public final class TerminalBackup implements LinkListener, AutoCloseable {
    /** Folder name under {@code sessions/<id>/}. */
    public static final String FOLDER = "recording-backup";
    private static final Logger LOG = LoggerFactory.getLogger(TerminalBackup.class);

    private final Path dataDir;
    private final MediaFanout sink;
    private final RecordingConfig config;
    private RecorderRecording current;
    private String currentSession;
    private boolean lost;

    private TerminalBackup(Path dataDir, MediaFanout sink, RecordingConfig config) {
        this.dataDir = dataDir;
        this.sink = sink;
        this.config = config;
    }

    /** Attaches a backup recorder to {@code link}, fed from {@code media}'s sink. */
    public static TerminalBackup attach(Path dataDir, TerminalLink link, SessionMedia media, RecordingConfig config) {
        TerminalBackup b = new TerminalBackup(dataDir, media.sink(), config);
        link.addListener(b);
        return b;
    }

    /** Where a session's backup lives. */
    public static Path directory(Path dataDir, String sessionId) {
        return dataDir.resolve("sessions").resolve(sessionId).resolve(FOLDER);
    }

    @Override
    public synchronized void onStateChanged(LinkStateEvent event) {
        try {
            if (event.state() == LinkState.CONNECTED && event.sessionId() != null) {
                if (!event.sessionId().equals(currentSession)) {
                    finishCurrent();
                    current = RecorderRecording.start(directory(dataDir, event.sessionId()), event.sessionId(), null,
                            "terminal", config);
                    currentSession = event.sessionId();
                    sink.add(current);
                    LOG.info("terminal backup recording of session {} in {}", currentSession, current.directory());
                } else if (lost) {
                    current.linkRestored();
                }
                lost = false;
            } else if ((event.state() == LinkState.LOST) && current != null && !lost) {
                lost = true;
                current.linkLost(event.detail());
            }
        } catch (IOException e) {
            // The session goes on without the backup; the master recording is on the workstation.
            LOG.error("terminal backup recording failed for session {}: {}", event.sessionId(), e.getMessage(), e);
        }
    }

    /** The running backup, or null. */
    public synchronized Path currentDirectory() {
        return current == null ? null : current.directory();
    }

    private void finishCurrent() throws IOException {
        if (current != null) {
            sink.remove(current);
            try {
                current.finish("terminal");
            } finally {
                current.close();
                current = null;
                currentSession = null;
            }
        }
    }

    /** Finishes the backup of the current session (manifest written). */
    @Override
    public synchronized void close() throws IOException {
        finishCurrent();
    }
}
