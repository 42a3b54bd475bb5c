// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.awt.Dimension;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.AvSettings;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaCall;
import org.tixun.core.media.MediaCallListener;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.MediaDevices;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.media.VideoSource;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;

/**
 * The session's audio/video: the camera and microphone of its {@link MediaDevices}, the
 * workstation's {@link MediaCall} (redialled after a loss while the session runs) or the terminal's
 * {@code TerminalMedia}, frames counted per direction and fanned out to the screen and the recorder.
 */
public final class SessionMedia implements AutoCloseable {
    private final VideoSource camera;
    private final AudioSource tone;
    private final MediaFanout sink = new MediaFanout();
    private final AtomicLong remoteFrames = new AtomicLong();
    private final AtomicLong localFrames = new AtomicLong();
    private final AvSettings settings;
    private volatile MediaCall call;
    private volatile org.tixun.core.media.TerminalMedia terminal;
    private volatile boolean closed;

    private SessionMedia(VideoSource camera, AudioSource tone, AvSettings settings) {
        this.camera = camera;
        this.tone = tone;
        this.settings = settings;
        sink.add(new MediaSink() {
            @Override
            public void video(Direction direction, VideoFrame frame) {
                (direction == Direction.REMOTE ? remoteFrames : localFrames).incrementAndGet();
            }

            @Override
            public void audio(Direction direction, AudioChunk chunk) {
                // counted by the call's own statistics
            }
        });
    }

    /**
     * Opens the camera and the microphone of {@code devices} (production: the configured devices; the demo and tests:
     * the simulators); both are closed with this object.
     */
    public static SessionMedia open(MediaDevices devices, int width, int height, int fps) {
        AudioSource microphone = devices.openMicrophone();
        VideoSource cam;
        try {
            cam = devices.openCamera(new Dimension(width, height), fps);
        } catch (RuntimeException e) {
            microphone.close();
            throw e;
        }
        return new SessionMedia(cam, microphone, AvSettings.of(width, height));
    }

    /** The camera (self-test before the call starts it). */
    public VideoSource camera() {
        return camera;
    }

    /** The microphone (self-test before the call starts it). */
    public AudioSource microphone() {
        return tone;
    }

    /** Where decoded and local frames go (add the view and the recorder). */
    public MediaFanout sink() {
        return sink;
    }

    /** Photos of the signer from this camera. */
    public PhotoSource photos() {
        return camera::photo;
    }

    /** Terminal: accept media connections on the link's port. */
    public void acceptOn(TerminalLink link) {
        org.tixun.core.media.TerminalMedia m = new org.tixun.core.media.TerminalMedia(camera, tone, sink, settings,
                MediaCallListener.NONE);
        terminal = m;
        link.setMediaAcceptor(m);
    }

    /** Workstation: dial the terminal's media connection; redials after a loss until closed. */
    public void dial(SessionTls tls, String terminalAddress, String sessionId) throws IOException {
        call = MediaCall.dial(WorkstationLink.mediaDialer(tls, terminalAddress, sessionId), camera, tone, sink,
                settings, new MediaCallListener() {
                    @Override
                    public void connected(String detail) {
                        // shown through the counters
                    }

                    @Override
                    public void lost(String reason, Throwable cause) {
                        Thread t = new Thread(SessionMedia.this::redialLoop, "tixun-media-redial");
                        t.setDaemon(true);
                        t.start();
                    }
                });
    }

    private void redialLoop() {
        long wait = 200;
        while (!closed && call != null && !call.isConnected()) {
            try {
                Thread.sleep(wait);
                call.redial();
                return;
            } catch (IOException e) {
                wait = Math.min(wait * 2, 3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Private mute (workstation): the terminal hears silence; the local recording keeps the real audio. */
    public void setPrivateMute(boolean on) {
        MediaCall c = call;
        if (c != null) {
            c.setPrivateMute(on);
        }
    }

    /** One line of figures. */
    public String figures() {
        var c = call;
        var t = terminal;
        Object sent = c != null ? c.senderStats() : t != null ? t.senderStats() : null;
        Object received = c != null ? c.receiverStats() : t != null ? t.receiverStats() : null;
        return String.format("a/v: frames shown local %d, remote %d; sender %s; receiver %s", localFrames.get(),
                remoteFrames.get(), sent, received);
    }

    @Override
    public void close() {
        closed = true;
        if (call != null) {
            call.close();
        }
        if (terminal != null) {
            terminal.close();
        }
        camera.close();
        tone.close();
    }
}
