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
    private volatile String lastError;
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
                throw new MediaDeviceException("IP 摄像头地址无效：" + redact(url) + "，应形如 rtsp://主机:554/路径"
                        + " (invalid IP camera address " + redact(url) + ": write rtsp://host:554/path)");
            }
        } catch (URISyntaxException e) {
            throw new MediaDeviceException("IP 摄像头地址无效：" + redact(url) + "，应形如 rtsp://主机:554/路径"
                    + " (invalid IP camera address " + redact(url) + ": write rtsp://host:554/path)", e);
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
                throw new MediaDeviceException("IP 摄像头 " + redact(url) + " 没有视频流 (the IP camera has no video "
                        + "stream)");
            }
            return g;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            if (e instanceof MediaDeviceException m) {
                throw m;
            }
            Reason r = reason(e);
            throw new MediaDeviceException("无法连接 IP 摄像头 " + redact(url) + "：" + r.zh() + "。请检查地址、用户名"
                    + "密码、网线和摄像头电源 (cannot connect to the IP camera " + redact(url) + ": " + r.en()
                    + "; check the address, user name and password, the network cable and the camera's power)", e);
        }
    }

    /** What went wrong, in Chinese and English: the FFmpeg error number named, never the URL repeated. */
    record Reason(String zh, String en) {
    }

    static Reason reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.equals(END_OF_STREAM)) {
            return new Reason("视频流结束（摄像头断开或停止推流）", "the stream ended (the camera disconnected or stopped "
                    + "streaming)");
        }
        Matcher code = Pattern.compile("error (-?\\d+)").matcher(m);
        if (code.find()) {
            int c = Integer.parseInt(code.group(1));
            return switch (c) {
                case -111 -> new Reason("连接被拒绝（该端口没有 RTSP 服务）", "connection refused (no RTSP service on that "
                        + "port)");
                case -110 -> new Reason("连接超时", "timed out");
                case -113, -101 -> new Reason("网络不可达", "network unreachable");
                case -825242872 -> new Reason("用户名或密码错误（401）", "wrong user name or password (401)");
                case -858797304 -> new Reason("摄像头拒绝访问（403）", "the camera refuses access (403)");
                case -875574520 -> new Reason("摄像头上没有这个路径（404）", "no such path on the camera (404)");
                case -1094995529 -> new Reason("摄像头发来的数据无法解码", "the camera's data cannot be decoded");
                default -> {
                    String text = avError(c);
                    yield new Reason("FFmpeg 错误 " + c + "：" + text, "FFmpeg error " + c + ": " + text);
                }
            };
        }
        String plain = m.replaceAll("\"[^\"]*\"", "").replaceAll("\\s+", " ").strip();
        return new Reason(plain, plain);
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

    /** The last failure as a sentence (Chinese, then English), if the stream was ever lost. */
    public Optional<String> lastError() {
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
                    lastError = "IP 摄像头连接中断，正在重连 (IP camera connection lost, reconnecting): " + e.getMessage();
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
                Reason r = reason(e);
                lastError = "IP 摄像头连接中断，正在重连：" + safeName + "，" + r.zh() + " (IP camera connection lost, "
                        + "reconnecting: " + safeName + "; " + r.en() + ")";
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
            throw new MediaDeviceException(lastError().orElse("IP 摄像头没有画面 (the IP camera delivers no picture)"));
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
            Reason r = reason(e);
            throw new MediaDeviceException("IP 摄像头没有返回画面：" + safeName + "，" + r.zh() + " (the IP camera returned "
                    + "no picture: " + r.en() + ")", e);
        }
        throw new MediaDeviceException("IP 摄像头没有返回画面：" + safeName + " (the IP camera returned no picture)");
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
