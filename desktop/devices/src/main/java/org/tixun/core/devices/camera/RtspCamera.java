// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.Ffmpeg;
import org.tixun.core.media.MediaClock;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.media.VideoSource;

/**
 * An IP camera over RTSP through JavaCV's {@link FFmpegFrameGrabber}: RTP interleaved on the RTSP TCP connection
 * (no UDP ports to open in the interview room's firewall), a socket timeout, decoded to BGR pictures on its own
 * thread. When the stream is lost the camera says so ({@link #state()}, {@link #lastError()}) and reconnects every
 * {@link Options#reconnectDelay()} until it is back or stopped; it never shows anything else meanwhile.
 *
 * <p>The URL may carry credentials ({@code rtsp://user:password@host/path}); names and logs show it without the
 * password.
 */
public final class RtspCamera implements VideoSource {
    private static final Logger LOG = LoggerFactory.getLogger(RtspCamera.class);
    private static final String END_OF_STREAM = "end of stream";

    /** Connection state. */
    public enum State {
        /** Opened, not started. */
        CONNECTED,
        /** Frames are arriving. */
        STREAMING,
        /** The stream was lost; trying again. */
        RECONNECTING,
        /** Stopped or closed. */
        STOPPED
    }

    /**
     * Connection settings.
     *
     * @param timeout connect and socket read timeout
     * @param reconnectDelay pause before each reconnection attempt
     * @param assumedFps frame rate reported when the stream does not declare one
     */
    public record Options(Duration timeout, Duration reconnectDelay, int assumedFps) {
        /** 5 s timeout, a reconnection attempt every second, 25 fps if undeclared. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofSeconds(1), 25);
        }
    }

    private final String url;
    private final String safeName;
    private final Options options;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong consumerFailures = new AtomicLong();
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private volatile FFmpegFrameGrabber grabber;
    private volatile Consumer<VideoFrame> consumer;
    private volatile VideoFrame newest;
    private volatile State state = State.CONNECTED;
    private volatile Message lastError;
    private volatile boolean running;
    private volatile Consumer<State> stateListener = s -> { };
    private Thread thread;
    private final Dimension size;
    private final int fps;
    private long sequence;

    private RtspCamera(String url, Options options, FFmpegFrameGrabber grabber) {
        this.url = url;
        this.safeName = redact(url);
        this.options = options;
        this.grabber = grabber;
        this.size = new Dimension(grabber.getImageWidth(), grabber.getImageHeight());
        double rate = grabber.getFrameRate();
        this.fps = rate >= 1 && rate <= 120 ? (int) Math.round(rate) : options.assumedFps();
    }

    /** Whether a camera setting names an IP camera ({@code rtsp://} or {@code rtsps://}). */
    public static boolean isRtsp(String setting) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        return s.startsWith("rtsp://") || s.startsWith("rtsps://");
    }

    /**
     * Connects to the camera and reads the stream's picture size.
     *
     * @throws MediaDeviceException with a sentence (Chinese, then English) naming the camera and what failed
     */
    public static RtspCamera open(String url, Options options) {
        validate(url);
        FFmpegFrameGrabber g = connect(url, options);
        RtspCamera camera = new RtspCamera(url, options, g);
        LOG.info("IP camera connected: {} {}x{} at {} fps", camera.safeName, camera.size.width, camera.size.height,
                camera.fps);
        return camera;
    }

    private static void validate(String url) {
        try {
            URI u = new URI(url.trim());
            if (!isRtsp(url) || u.getHost() == null) {
                throw new MediaDeviceException(DeviceMessages.of("rtsp.invalidAddress", redact(url)));
            }
        } catch (URISyntaxException e) {
            throw new MediaDeviceException(DeviceMessages.of("rtsp.invalidAddress", redact(url)), e);
        }
    }

    private static FFmpegFrameGrabber connect(String url, Options options) {
        Ffmpeg.quiet();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url.trim());
        g.setFormat("rtsp");
        g.setOption("rtsp_transport", "tcp");
        g.setOption("timeout", Long.toString(options.timeout().toMillis() * 1000));
        g.setOption("fflags", "nobuffer");
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            // startUnsafe: start() holds a global lock while it waits on the network (VIDEO-NOTES.md).
            g.startUnsafe();
            if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
                throw new MediaDeviceException(DeviceMessages.of("rtsp.noVideo", redact(url)));
            }
            return g;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            if (e instanceof MediaDeviceException m) {
                throw m;
            }
            throw new MediaDeviceException(DeviceMessages.of("rtsp.cannotConnect", redact(url), reason(e)), e);
        }
    }

    /** What went wrong, in words: the FFmpeg error number named, never the URL repeated. */
    static Message reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.equals(END_OF_STREAM)) {
            return DeviceMessages.of("rtsp.reason.ended");
        }
        Matcher code = Pattern.compile("error (-?\\d+)").matcher(m);
        if (code.find()) {
            int c = Integer.parseInt(code.group(1));
            return switch (c) {
                case -111 -> DeviceMessages.of("rtsp.reason.refused");
                case -110 -> DeviceMessages.of("rtsp.reason.timeout");
                case -113, -101 -> DeviceMessages.of("rtsp.reason.unreachable");
                case -825242872 -> DeviceMessages.of("rtsp.reason.unauthorized");
                case -858797304 -> DeviceMessages.of("rtsp.reason.forbidden");
                case -875574520 -> DeviceMessages.of("rtsp.reason.notFound");
                case -1094995529 -> DeviceMessages.of("rtsp.reason.undecodable");
                default -> DeviceMessages.of("rtsp.reason.ffmpeg", c, avError(c));
            };
        }
        String plain = m.replaceAll("\"[^\"]*\"", "").replaceAll("\\s+", " ").strip();
        return Message.untranslated(plain);
    }

    private static String avError(int code) {
        byte[] buf = new byte[256];
        avutil.av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL without its password, e.g. {@code rtsp://admin:***@10.0.0.5:554/stream1}. */
    public static String redact(String url) {
        if (url == null) {
            return "";
        }
        return url.trim().replaceAll("^(rtsps?://[^:/@]+):[^@/]*@", "$1:***@");
    }

    @Override
    public String name() {
        return safeName;
    }

    @Override
    public int frameRate() {
        return fps;
    }

    /** The stream's picture size. */
    public Dimension resolution() {
        return new Dimension(size);
    }

    /** The connection state. */
    public State state() {
        return state;
    }

    /** The last failure, 「中文 (English)」, if the stream was ever lost. */
    public Optional<String> lastError() {
        return lastErrorMessage().map(Message::bilingual);
    }

    /** The last failure, if the stream was ever lost ({@link Message#in} gives the reader's language). */
    public Optional<Message> lastErrorMessage() {
        return Optional.ofNullable(lastError);
    }

    /** How often the stream was re-established after a loss. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Called (on the camera's thread) whenever the state changes. */
    public void onStateChange(Consumer<State> listener) {
        this.stateListener = listener == null ? s -> { } : listener;
    }

    @Override
    public void start(Consumer<VideoFrame> consumer) {
        synchronized (lock) {
            this.consumer = consumer;
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "tixun-rtsp-camera");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        long delay = options.reconnectDelay().toMillis();
        while (running) {
            FFmpegFrameGrabber g = grabber;
            if (g == null) {
                try {
                    g = connect(url, options);
                    grabber = g;
                    reconnects.incrementAndGet();
                    LOG.info("IP camera {} reconnected", safeName);
                    delay = options.reconnectDelay().toMillis();
                } catch (MediaDeviceException e) {
                    lastError = DeviceMessages.of("rtsp.reconnecting", e);
                    if (!sleep(delay)) {
                        return;
                    }
                    delay = Math.min(delay * 2, 5000);
                    continue;
                }
            }
            try {
                Frame f = g.grabImage();
                if (f == null) {
                    throw new FrameGrabber.Exception(END_OF_STREAM);
                }
                BufferedImage img = toBgr(converter.convert(f));
                if (img == null) {
                    continue;
                }
                VideoFrame frame = new VideoFrame(img, MediaClock.nowMicros(), sequence++);
                newest = frame;
                delivered.incrementAndGet();
                setState(State.STREAMING);
                Consumer<VideoFrame> c = consumer;
                if (c != null) {
                    try {
                        c.accept(frame);
                    } catch (RuntimeException e) {
                        // A failing consumer must not stop the camera; logged (first few) and counted.
                        if (consumerFailures.incrementAndGet() <= 5) {
                            LOG.error("IP camera {}: frame consumer failed", safeName, e);
                        }
                    }
                }
            } catch (FrameGrabber.Exception | RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError = DeviceMessages.of("rtsp.lost", safeName, reason(e));
                LOG.warn("IP camera {} lost: {}; reconnecting", safeName, e.getMessage());
                setState(State.RECONNECTING);
                synchronized (lock) {
                    grabber = null;
                }
                release(g);
                if (!sleep(delay)) {
                    return;
                }
            }
        }
    }

    private void setState(State s) {
        if (state != s) {
            state = s;
            try {
                stateListener.accept(s);
            } catch (RuntimeException e) {
                LOG.error("IP camera {}: state listener failed", safeName, e);
            }
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A copy in {@link BufferedImage#TYPE_3BYTE_BGR} (the converter's image is reused for the next frame). */
    private static BufferedImage toBgr(BufferedImage src) {
        if (src == null) {
            return null;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            src.copyData(out.getRaster());
        } else {
            java.awt.Graphics2D g = out.createGraphics();
            g.drawImage(src, 0, 0, null);
            g.dispose();
        }
        return out;
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(options.timeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("IP camera {}: capture thread did not stop in time", safeName);
            }
        }
        setState(State.STOPPED);
    }

    @Override
    public byte[] photo() {
        VideoFrame f = newest;
        if (f != null && running && state == State.STREAMING) {
            return CameraSource.jpeg(f.image());
        }
        if (running) {
            Message last = lastError;
            throw new MediaDeviceException(last != null ? last : DeviceMessages.of("rtsp.noPicture"));
        }
        FFmpegFrameGrabber g;
        synchronized (lock) {
            g = grabber;
            if (g == null) {
                g = connect(url, options);
                grabber = g;
            }
        }
        try {
            for (int i = 0; i < 100; i++) {
                Frame frame = g.grabImage();
                if (frame == null) {
                    break;
                }
                BufferedImage img = toBgr(converter.convert(frame));
                if (img != null) {
                    return CameraSource.jpeg(img);
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw new MediaDeviceException(DeviceMessages.of("rtsp.noPictureBecause", safeName, reason(e)), e);
        }
        throw new MediaDeviceException(DeviceMessages.of("rtsp.noPictureFrom", safeName));
    }

    @Override
    public long framesDelivered() {
        return delivered.get();
    }

    @Override
    public long framesLate() {
        return 0;
    }

    @Override
    public void close() {
        stop();
        FFmpegFrameGrabber g;
        synchronized (lock) {
            g = grabber;
            grabber = null;
        }
        release(g);
        converter.close();
        LOG.info("IP camera closed: {} ({} frames, {} reconnects)", safeName, delivered.get(), reconnects.get());
    }

    private static void release(FFmpegFrameGrabber g) {
        if (g == null) {
            return;
        }
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            LOG.warn("IP camera: closing the grabber failed: {}", e.getMessage());
        }
    }
}
