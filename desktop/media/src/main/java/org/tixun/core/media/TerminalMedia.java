// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's side of the two-way audio/video. Register with the link: {@code terminalLink.setMediaAcceptor(new
 * TerminalMedia(camera, microphone, sink, AvSettings.of(640, 480), listener))}. The sources start at once (the local
 * view works before a call); each media connection the link accepts replaces the previous one. Close to stop.
 */
public final class TerminalMedia implements MediaSocketAcceptor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalMedia.class);
    private final VideoSource video;
    private final AudioSource audio;
    private final MediaSink sink;
    private final AvSettings settings;
    private final MediaCallListener listener;
    private final Object lock = new Object();
    private volatile MediaConnection connection;
    private volatile boolean closed;

    /**
     * @param audio the microphone, or null to send no audio
     */
    public TerminalMedia(VideoSource video, AudioSource audio, MediaSink sink, AvSettings settings,
            MediaCallListener listener) {
        this.video = Objects.requireNonNull(video, "video");
        this.audio = audio;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener == null ? MediaCallListener.NONE : listener;
        video.start(f -> {
            sink.video(Direction.LOCAL, f);
            MediaConnection c = connection;
            if (c != null) {
                c.sender().video(f);
            }
        });
        if (audio != null) {
            audio.start(a -> {
                sink.audio(Direction.LOCAL, a);
                MediaConnection c = connection;
                if (c != null) {
                    c.sender().audio(a);
                }
            });
        }
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
        String detail = "工作站音视频已连接 (workstation media connected from " + socket.getRemoteSocketAddress()
                + ", session " + sessionId + ")";
        LOG.info(detail);
        report(() -> listener.connected(detail));
    }

    private static void closeSocket(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("close", e);
        }
    }

    private static void report(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("media listener failed", e);
        }
    }

    /** Whether a media connection is up. */
    public boolean isConnected() {
        MediaConnection c = connection;
        return c != null && c.isOpen();
    }

    /** The current connection's sender counters, or null. */
    public AvSender.Stats senderStats() {
        MediaConnection c = connection;
        return c == null ? null : c.sender().stats();
    }

    /** The current connection's receiver counters, or null. */
    public AvReceiver.Stats receiverStats() {
        MediaConnection c = connection;
        return c == null ? null : c.receiver().stats();
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
        video.stop();
        if (audio != null) {
            audio.stop();
        }
    }
}
