// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.media.Ffmpeg;

/**
 * The Webcam Capture driver for real cameras: each camera {@link NativeCameras} finds, captured through FFmpeg's
 * native input of the operating system (V4L2 on Linux, DirectShow on Windows, AVFoundation on macOS) with JavaCV.
 * (The JavaCV drivers on Maven Central are built on an old JavaCV that clashes with 1.5.x; see
 * docs/decisions/0009-camera-driver.md.) A device reads frames continuously on its own thread and {@link
 * WebcamDevice#getImage()} returns the newest, so a camera running faster than the session never queues up latency.
 */
public final class FfmpegWebcamDriver implements WebcamDriver {
    /** Sizes offered before a camera is opened (what V4L2/DirectShow/AVFoundation cameras commonly support). */
    static final Dimension[] SIZES = {new Dimension(640, 480), new Dimension(1280, 720), new Dimension(320, 240)};
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegWebcamDriver.class);

    private final Supplier<List<NativeCamera>> cameras;

    /** The cameras of this computer. */
    public FfmpegWebcamDriver() {
        this(new NativeCameras()::discover);
    }

    /** The cameras {@code cameras} lists (each call of {@link #getDevices()} asks again). */
    public FfmpegWebcamDriver(Supplier<List<NativeCamera>> cameras) {
        this.cameras = cameras;
    }

    @Override
    public List<WebcamDevice> getDevices() {
        List<WebcamDevice> out = new ArrayList<>();
        for (NativeCamera c : cameras.get()) {
            out.add(new Device(c));
        }
        return out;
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "FfmpegWebcamDriver";
    }

    /** One camera through FFmpeg. */
    static final class Device implements WebcamDevice {
        private final NativeCamera camera;
        private final Object lock = new Object();
        private Dimension resolution = SIZES[0];
        private FFmpegFrameGrabber grabber;
        private Thread reader;
        private volatile boolean open;
        private volatile BufferedImage newest;
        private volatile RuntimeException failure;

        Device(NativeCamera camera) {
            this.camera = camera;
        }

        @Override
        public String getName() {
            return camera.deviceName();
        }

        @Override
        public Dimension[] getResolutions() {
            return SIZES.clone();
        }

        @Override
        public Dimension getResolution() {
            synchronized (lock) {
                return resolution;
            }
        }

        @Override
        public void setResolution(Dimension size) {
            synchronized (lock) {
                if (open) {
                    throw new IllegalStateException("cannot change the size of an open camera");
                }
                resolution = new Dimension(size);
            }
        }

        @Override
        public BufferedImage getImage() {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (open && newest == null && failure == null && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return newest;
        }

        @Override
        public void open() {
            synchronized (lock) {
                if (open) {
                    return;
                }
                Ffmpeg.quiet();
                avdevice.avdevice_register_all();
                FFmpegFrameGrabber g = new FFmpegFrameGrabber(camera.input());
                g.setFormat(camera.format());
                g.setImageWidth(resolution.width);
                g.setImageHeight(resolution.height);
                g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                try {
                    g.startUnsafe();
                } catch (FrameGrabber.Exception | RuntimeException e) {
                    try {
                        g.close();
                    } catch (FrameGrabber.Exception closing) {
                        e.addSuppressed(closing);
                    }
                    throw new WebcamException("cannot open " + camera.deviceName() + " through " + camera.format()
                            + ": " + e.getMessage(), e);
                }
                resolution = new Dimension(g.getImageWidth(), g.getImageHeight());
                grabber = g;
                failure = null;
                newest = null;
                open = true;
                reader = new Thread(() -> read(g), "tixun-camera-reader");
                reader.setDaemon(true);
                reader.start();
                LOG.info("camera {} open through {} at {}x{}", camera.deviceName(), camera.format(),
                        resolution.width, resolution.height);
            }
        }

        private void read(FFmpegFrameGrabber g) {
            try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
                while (open) {
                    Frame f = g.grabImage();
                    if (f == null) {
                        throw new WebcamException("the camera " + camera.deviceName() + " stopped sending pictures");
                    }
                    BufferedImage src = converter.convert(f);
                    if (src != null) {
                        BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(),
                                BufferedImage.TYPE_3BYTE_BGR);
                        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
                            src.copyData(copy.getRaster());
                        } else {
                            java.awt.Graphics2D gr = copy.createGraphics();
                            gr.drawImage(src, 0, 0, null);
                            gr.dispose();
                        }
                        newest = copy;
                    }
                }
            } catch (FrameGrabber.Exception | RuntimeException e) {
                if (open) {
                    LOG.warn("camera {} failed: {}", camera.deviceName(), e.getMessage());
                    failure = e instanceof WebcamException w ? w
                            : new WebcamException("the camera " + camera.deviceName() + " failed: " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void close() {
            Thread r;
            FFmpegFrameGrabber g;
            synchronized (lock) {
                if (!open) {
                    return;
                }
                open = false;
                r = reader;
                g = grabber;
                reader = null;
                grabber = null;
            }
            if (r != null) {
                try {
                    r.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                g.close();
            } catch (FrameGrabber.Exception e) {
                LOG.warn("camera {}: closing failed: {}", camera.deviceName(), e.getMessage());
            }
            newest = null;
            LOG.info("camera {} closed", camera.deviceName());
        }

        @Override
        public void dispose() {
            close();
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}
