// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.IOException;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * The workstation's side of the two-way audio/video: its camera and microphone go to the local sink
 * ({@link Direction#LOCAL}, the view and the master recording — real audio even while muted) and, encoded, to the
 * terminal; the terminal's stream is decoded to the sink as {@link Direction#REMOTE}.
 *
 * <p>Wiring: {@code MediaCall.dial(WorkstationLink.mediaDialer(tls, "host:port", sessionId), camera, microphone,
 * sink, AvSettings.of(640, 480), listener)}. The call does not redial on its own: on {@link MediaCallListener#lost}
 * the caller (the session flow) calls {@link #redial()} when it sees fit; {@link #close()} ends everything. The
 * sources are started by the call and stopped on close, not closed (the caller owns them).
 */
public final class MediaCall extends MediaEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaCall.class);
    private final MediaDialer dialer;
    private final List<MuteListener> muteListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private boolean muted;
    private Instant muteStart;

    private MediaCall(MediaDialer dialer, VideoSource video, AudioSource audio, MediaSink sink, AvSettings settings,
            MediaCallListener listener) {
        super(video, audio, sink, settings, listener);
        this.dialer = Objects.requireNonNull(dialer, "dialer");
    }

    /**
     * Starts the sources and dials the terminal once.
     *
     * @param audio the microphone, or null to send no audio
     * @throws IOException the dial failed (a refusal carries its sentence); nothing is left running
     */
    public static MediaCall dial(MediaDialer dialer, VideoSource video, AudioSource audio, MediaSink sink,
            AvSettings settings, MediaCallListener listener) throws IOException {
        MediaCall call = new MediaCall(dialer, video, audio, sink, settings, listener);
        try {
            call.startSources();
            call.redial();
            return call;
        } catch (IOException | RuntimeException e) {
            call.close();
            throw e;
        }
    }

    /**
     * Closes the current media connection, if any, and dials a new one.
     *
     * @throws IOException the dial failed; the call stays without a connection (redial again later)
     */
    public void redial() throws IOException {
        if (closed) {
            throw new IllegalStateException("call closed");
        }
        MediaConnection old = connection;
        connection = null;
        if (old != null) {
            old.close();
        }
        Socket s = dialer.dial();
        try {
            s.setTcpNoDelay(true);
            MediaConnection c = new MediaConnection(s, s.getInputStream(), s.getOutputStream(), settings,
                    sink, this::lostConnection);
            synchronized (lock) {
                c.sender().setPrivateMute(muted);
            }
            c.start();
            connection = c;
            if (closed) {
                c.close();
                return;
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        Message detail = MediaMessages.of("call.connected", s.getRemoteSocketAddress());
        LOG.info("{}", detail.english());
        report(() -> listener.connected(detail));
    }

    private void lostConnection(Message reason, Throwable cause) {
        if (!closed) {
            report(() -> listener.lost(reason, cause));
        }
    }

    /** Adds a listener for private mute intervals. */
    public void addMuteListener(MuteListener l) {
        muteListeners.add(l);
    }

    /**
     * Private mute: the terminal receives silence instead of this side's audio (it neither hears nor records it); the
     * local sink still gets the real audio. Survives redials. Listeners are told the start and the interval.
     */
    public void setPrivateMute(boolean on) {
        Instant now = Instant.now();
        MuteInterval ended = null;
        synchronized (lock) {
            if (on == muted) {
                return;
            }
            muted = on;
            MediaConnection c = connection;
            if (c != null) {
                c.sender().setPrivateMute(on);
            }
            if (on) {
                muteStart = now;
            } else {
                ended = new MuteInterval(muteStart, now);
            }
        }
        for (MuteListener l : muteListeners) {
            MuteInterval e = ended;
            report(() -> {
                if (on) {
                    l.muteStarted(now);
                } else {
                    l.muteEnded(e);
                }
            });
        }
    }

    /** Whether the private mute is on. */
    public boolean isPrivateMute() {
        synchronized (lock) {
            return muted;
        }
    }

    /** Ends the call: closes the connection, stops the sources, ends an open mute interval. */
    @Override
    public void close() {
        closed = true;
        MediaConnection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
        stopSources();
        setPrivateMute(false);
    }
}
