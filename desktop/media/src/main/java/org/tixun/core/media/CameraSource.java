// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * A camera through the Webcam Capture API, paced at a fixed frame rate on its own thread, from the Webcam Capture
 * driver installed (production: the devices module's FFmpeg driver, which also guards against mixing it with the
 * demo's synthetic one). The device is chosen by a configuration string: an empty string or {@code "default"} the
 * first camera; anything else the camera of that name; {@link #open(Webcam, Dimension, int)} opens one already
 * selected.
 *
 * <p>A frame's capture time is the {@link FrameStamp} burned into it if there is one, else the wall clock right after
 * {@link Webcam#getImage()} returned.
 */
public final class CameraSource implements VideoSource {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSource.class);

    private final Webcam webcam;
    private final int fps;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong consumerFailures = new AtomicLong();
    private volatile Consumer<VideoFrame> consumer;
    private volatile VideoFrame newest;
    private Thread thread;
    private volatile boolean running;
    private long ownSequence;

    private CameraSource(Webcam webcam, int fps) {
        this.webcam = webcam;
        this.fps = fps;
    }

    /**
     * Opens a camera of the platform's driver.
     *
     * @param device {@code ""}/{@code "default"} or a device name
     * @param resolution requested size (e.g. 640×480 or 1280×720)
     * @param fps frames per second (25 in Tixun)
     * @throws MediaDeviceException with a sentence if there is no such camera or it cannot be opened
     */
    public static CameraSource open(String device, Dimension resolution, int fps) {
        checkFps(fps);
        return open(select(device == null ? "" : device.trim()), resolution, fps);
    }

    /** Opens a camera already selected (by this class or a {@link CameraProvider}). */
    public static CameraSource open(Webcam webcam, Dimension resolution, int fps) {
        checkFps(fps);
        try {
            if (webcam.isOpen()) {
                throw new MediaDeviceException(MediaMessages.of("camera.inUse", webcam.getName()));
            }
            webcam.setCustomViewSizes(resolution);
            webcam.setViewSize(resolution);
            if (!webcam.open()) {
                throw new MediaDeviceException(MediaMessages.of("camera.cannotOpen", webcam.getName()));
            }
        } catch (WebcamException e) {
            throw new MediaDeviceException(MediaMessages.of("camera.cannotOpenBecause", webcam.getName(), e), e);
        }
        LOG.info("camera open: {} at {}x{} {} fps", webcam.getName(), resolution.width, resolution.height, fps);
        return new CameraSource(webcam, fps);
    }

    private static void checkFps(int fps) {
        if (fps <= 0 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
    }

    private static Webcam select(String device) {
        try {
            List<Webcam> all = Webcam.getWebcams();
            if (all.isEmpty()) {
                throw new MediaDeviceException(MediaMessages.of("camera.none"));
            }
            if (device.isEmpty() || device.equals("default")) {
                return all.get(0);
            }
            for (Webcam w : all) {
                if (w.getName().equals(device) || w.getName().startsWith(device + " ")) {
                    return w;
                }
            }
            throw new MediaDeviceException(MediaMessages.of("camera.notFound", device,
                    all.stream().map(Webcam::getName).toList()));
        } catch (WebcamException e) {
            throw new MediaDeviceException(MediaMessages.of("camera.cannotList", e), e);
        }
    }

    @Override
    public String name() {
        return webcam.getName();
    }

    @Override
    public int frameRate() {
        return fps;
    }

    /** The size frames come in. */
    public Dimension resolution() {
        return webcam.getViewSize();
    }

    @Override
    public void start(Consumer<VideoFrame> consumer) {
        synchronized (lock) {
            this.consumer = consumer;
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::captureLoop, "tixun-camera-" + webcam.getName());
            thread.setDaemon(true);
            thread.start();
        }
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
        }
        WorkerThreads.await(t, 2000, LOG, "camera capture thread did not stop within 2 s");
    }

    private void captureLoop() {
        long period = 1_000_000_000L / fps;
        long next = System.nanoTime();
        try {
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        break;
                    }
                    continue;
                }
                VideoFrame f = capture();
                if (f != null) {
                    newest = f;
                    delivered.incrementAndGet();
                    Consumer<VideoFrame> c = consumer;
                    if (c != null) {
                        try {
                            c.accept(f);
                        } catch (RuntimeException e) {
                            // A failing consumer must not stop the camera; logged (first few) and counted.
                            if (consumerFailures.incrementAndGet() <= 5) {
                                LOG.error("camera {}: frame consumer failed", webcam.getName(), e);
                            }
                        }
                    }
                }
                next += period;
                long behind = System.nanoTime() - next;
                if (behind > period) {
                    long missed = behind / period;
                    late.addAndGet(missed);
                    next += missed * period;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("camera {}: capture stopped (device failure)", webcam.getName(), e);
            running = false;
        }
    }

    private VideoFrame capture() {
        BufferedImage img = webcam.getImage();
        long now = MediaClock.nowMicros();
        if (img == null) {
            return null;
        }
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            BufferedImage bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            img = bgr;
        }
        BufferedImage picture = img;
        Optional<FrameStamp> stamp = FrameStamp.read(picture);
        long seq = ownSequence++;
        return stamp.map(s -> new VideoFrame(picture, s.captureEpochMicros(), s.sequence()))
                .orElseGet(() -> new VideoFrame(picture, now, seq));
    }

    @Override
    public byte[] photo() {
        VideoFrame f = newest;
        BufferedImage img;
        if (f != null && running) {
            img = f.image();
        } else {
            VideoFrame c = capture();
            if (c == null) {
                throw new MediaDeviceException(MediaMessages.of("camera.noPicture"));
            }
            img = c.image();
        }
        return jpeg(img);
    }

    /** JPEG bytes of a picture (quality: the JDK default, 0.75). */
    public static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long framesDelivered() {
        return delivered.get();
    }

    @Override
    public long framesLate() {
        return late.get();
    }

    @Override
    public void close() {
        stop();
        webcam.close();
        LOG.info("camera closed: {} ({} frames, {} late)", webcam.getName(), delivered.get(), late.get());
    }
}
