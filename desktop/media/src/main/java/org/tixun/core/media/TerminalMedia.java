// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The terminal's side of the two-way audio/video. Register with the link: {@code terminalLink.setMediaAcceptor(new
 * TerminalMedia(camera, microphone, sink, AvSettings.of(640, 480), listener))}. The sources start at once (the local
 * view works before a call); each media connection the link accepts replaces the previous one. Close to stop.
 */
public final class TerminalMedia extends MediaEnd implements MediaSocketAcceptor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalMedia.class);
    private final Object lock = new Object();

    /**
     * @param audio the microphone, or null to send no audio
     */
    public TerminalMedia(VideoSource video, AudioSource audio, MediaSink sink, AvSettings settings,
            MediaCallListener listener) {
        super(video, audio, sink, settings, listener);
        startSources();
    }

    @Override
    public void accept(Socket socket, InputStream in, OutputStream out, String sessionId) {
        MediaConnection c;
        synchronized (lock) {
            if (closed) {
                closeSocket(socket);
                return;
            }
            MediaConnection old = connection;
            connection = null;
            if (old != null) {
                LOG.info("a new media connection replaces the previous one");
                old.close();
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.warn("TCP_NODELAY", e);
            }
            c = new MediaConnection(socket, in, out, settings, sink, (reason, cause) -> {
                if (!closed) {
                    report(() -> listener.lost(reason, cause));
                }
            });
            c.start();
            connection = c;
        }
        Message detail = MediaMessages.of("terminal.connected", socket.getRemoteSocketAddress(), sessionId);
        LOG.info("{}", detail.english());
        report(() -> listener.connected(detail));
    }

    private static void closeSocket(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("close", e);
        }
    }

    /** Ends the current connection and stops the sources (they are not closed: the caller owns them). */
    @Override
    public void close() {
        MediaConnection c;
        synchronized (lock) {
            closed = true;
            c = connection;
            connection = null;
        }
        if (c != null) {
            c.close();
        }
        stopSources();
    }
}
