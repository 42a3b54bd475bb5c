// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.sim;

import org.tixun.core.media.FrameStamp;
import org.tixun.core.media.MediaClock;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A Webcam Capture driver with synthetic cameras (no hardware): a scrolling colour-bar pattern with sensor-like noise,
 * a moving disc, the wall clock and frame counter as readable text, a machine-readable {@link FrameStamp} in the top
 * band, and a white flash during the first 100 ms of every wall-clock second (the {@link ToneSource} beeps in the same
 * window). Each {@link #getImage} renders a new picture stamped with the time it was rendered.
 */
public final class SyntheticWebcamDriver implements WebcamDriver {
    /** Device name prefix; devices are "Tixun synthetic camera 0", "... 1", ... */
    public static final String NAME_PREFIX = "Tixun synthetic camera ";
    /** Resolutions offered. */
    public static final Dimension[] RESOLUTIONS = {new Dimension(320, 240), new Dimension(640, 480),
        new Dimension(1280, 720)};
    /** Marker (flash) window at the start of each second, microseconds. */
    public static final long MARKER_MICROS = 100_000;

    private final List<WebcamDevice> devices = new ArrayList<>();

    /** A driver with {@code count} synthetic cameras. */
    public SyntheticWebcamDriver(int count) {
        for (int i = 0; i < count; i++) {
            devices.add(new Device(NAME_PREFIX + i, i));
        }
    }

    /** A driver with four synthetic cameras (both ends of a call in one JVM need two). */
    public SyntheticWebcamDriver() {
        this(4);
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.copyOf(devices);
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "SyntheticWebcamDriver" + devices.size();
    }

    /** One synthetic camera. */
    public static final class Device implements WebcamDevice, WebcamDevice.BufferAccess {
        private static final int BACKGROUNDS = 8;
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
        private final String name;
        private final int seed;
        private Dimension resolution = RESOLUTIONS[1];
        private byte[][] backgrounds;
        private boolean open;
        private long frames;

        public Device(String name, int seed) {
            this.name = name;
            this.seed = seed;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return RESOLUTIONS.clone();
        }

        @Override
        public synchronized Dimension getResolution() {
            return resolution;
        }

        @Override
        public synchronized void setResolution(Dimension size) {
            if (!size.equals(resolution)) {
                resolution = new Dimension(size);
                backgrounds = null;
            }
        }

        @Override
        public synchronized BufferedImage getImage() {
            if (!open) {
                return null;
            }
            return render(MediaClock.nowMicros(), frames++);
        }

        @Override
        public ByteBuffer getImageBytes() {
            BufferedImage img = getImage();
            if (img == null) {
                return null;
            }
            return ByteBuffer.wrap(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        }

        @Override
        public void getImageBytes(ByteBuffer target) {
            BufferedImage img = getImage();
            if (img != null) {
                target.put(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            }
        }

        @Override
        public synchronized void open() {
            open = true;
        }

        @Override
        public synchronized void close() {
            open = false;
        }

        @Override
        public synchronized void dispose() {
            open = false;
            backgrounds = null;
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        private void makeBackgrounds(int w, int h) {
            Color[] bars = {Color.LIGHT_GRAY, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED,
                Color.BLUE, Color.DARK_GRAY};
            BufferedImage base = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = base.createGraphics();
            for (int i = 0; i < bars.length; i++) {
                g.setColor(bars[(i + seed) % bars.length]);
                g.fillRect(i * w / bars.length, 0, w / bars.length + 1, h);
            }
            g.dispose();
            byte[] src = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
            Random r = new Random(seed * 31L + w);
            backgrounds = new byte[BACKGROUNDS][];
            for (int k = 0; k < BACKGROUNDS; k++) {
                byte[] px = new byte[src.length];
                for (int i = 0; i < px.length; i++) {
                    int v = (src[i] & 0xff) + r.nextInt(17) - 8;
                    px[i] = (byte) Math.max(0, Math.min(255, v));
                }
                backgrounds[k] = px;
            }
        }

        /** Renders the picture for a capture time and frame number. */
        public BufferedImage render(long epochMicros, long sequence) {
            int w = resolution.width;
            int h = resolution.height;
            if (backgrounds == null) {
                makeBackgrounds(w, h);
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            byte[] bg = backgrounds[(int) (sequence % BACKGROUNDS)];
            int shift = (int) ((sequence * 4) % w);
            int rowBytes = w * 3;
            for (int y = 0; y < h; y++) {
                int row = y * rowBytes;
                System.arraycopy(bg, row + shift * 3, dst, row, rowBytes - shift * 3);
                System.arraycopy(bg, row, dst, row + rowBytes - shift * 3, shift * 3);
            }
            Graphics2D g = img.createGraphics();
            try {
                int band = FrameStamp.bandHeight(w);
                if (MediaClock.inMarker(epochMicros, MARKER_MICROS)) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, band, w, h - band);
                }
                double phase = (epochMicros % 4_000_000L) / 4_000_000.0 * 2 * Math.PI;
                int d = h / 6;
                g.setColor(Color.ORANGE);
                g.fillOval((int) (w / 2 + Math.cos(phase) * w / 3) - d / 2,
                        (int) (h * 0.6 + Math.sin(phase) * h / 5) - d / 2, d, d);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                int fontSize = Math.max(12, h / 16);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, fontSize));
                String clock = CLOCK.format(MediaClock.instant(epochMicros));
                String counter = String.format("%s  #%06d", name.substring(NAME_PREFIX.length() - 7), sequence);
                int y0 = band + fontSize / 2;
                g.setColor(Color.BLACK);
                g.fillRect(fontSize / 2, y0, fontSize * 14, fontSize * 5 / 2);
                g.setColor(Color.WHITE);
                g.drawString(clock, fontSize, y0 + fontSize);
                g.drawString(counter, fontSize, y0 + fontSize * 2);
            } finally {
                g.dispose();
            }
            new FrameStamp(epochMicros, sequence).burnInto(img);
            return img;
        }
    }
}
