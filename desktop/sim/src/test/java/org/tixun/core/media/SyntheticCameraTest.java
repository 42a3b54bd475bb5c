// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.sim.SyntheticWebcamDriver;
import org.tixun.sim.ToneSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SyntheticCameraTest {
    @Test
    void stampRoundTripsAndADamagedStampReadsAsAbsent() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        FrameStamp s = new FrameStamp(1_795_000_000_123_456L, 4_000_000_123L & 0xffff_ffffL);
        s.burnInto(img);
        assertThat(FrameStamp.read(img)).contains(s);
        // Invert one block of the time field: the CRC must reject it.
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int b = FrameStamp.blockSize(640);
        for (int y = 0; y < b; y++) {
            for (int x = 20 * b; x < 21 * b; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * 640 + x) * 3 + c] = (byte) ~px[(y * 640 + x) * 3 + c];
                }
            }
        }
        assertThat(FrameStamp.read(img)).isEmpty();
        assertThat(FrameStamp.read(new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR))).isEmpty();
    }

    @Test
    void flashesWhiteInTheFirst100MillisecondsOfEachSecondOnly() {
        SyntheticWebcamDriver.Device d = new SyntheticWebcamDriver.Device("Tixun synthetic camera 9", 9);
        d.setResolution(new Dimension(640, 480));
        long second = 1_795_000_000_000_000L;
        assertThat(lowerStripAllWhite(d.render(second + 40_000, 1))).isTrue();
        assertThat(lowerStripAllWhite(d.render(second + 99_000, 2))).isTrue();
        assertThat(lowerStripAllWhite(d.render(second + 100_000, 3))).isFalse();
        assertThat(lowerStripAllWhite(d.render(second + 520_000, 4))).isFalse();
        assertThat(FrameStamp.read(d.render(second + 520_000, 4))).contains(new FrameStamp(second + 520_000, 4));
    }

    private static boolean lowerStripAllWhite(BufferedImage img) {
        for (int y = (int) (img.getHeight() * 0.92); y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() / 5; x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void deliversStampedFramesThroughTheWebcamApiAtTheRequestedSize() throws Exception {
        List<VideoFrame> frames = new CopyOnWriteArrayList<>();
        try (CameraSource cam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:2", new Dimension(1280, 720), 25)) {
            assertThat(Webcam.getDriver()).isInstanceOf(SyntheticWebcamDriver.class);
            assertThat(cam.name()).isEqualTo(SyntheticWebcamDriver.NAME_PREFIX + 2);
            long before = MediaClock.nowMicros();
            cam.start(frames::add);
            RecordingSink.await(() -> frames.size() >= 10, 10_000);
            cam.stop();
            long after = MediaClock.nowMicros();
            assertThat(frames).hasSizeGreaterThanOrEqualTo(10);
            long prev = -1;
            for (VideoFrame f : frames) {
                assertThat(f.width()).isEqualTo(1280);
                assertThat(f.height()).isEqualTo(720);
                assertThat(f.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
                Optional<FrameStamp> s = FrameStamp.read(f.image());
                assertThat(s).isPresent();
                assertThat(s.get().captureEpochMicros()).isEqualTo(f.captureEpochMicros()).isBetween(before, after);
                assertThat(f.sequence()).isGreaterThan(prev);
                prev = f.sequence();
            }
            byte[] jpeg = cam.photo();
            assertThat(jpeg).hasSizeGreaterThan(1000);
            assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
            assertThat(jpeg[1]).isEqualTo((byte) 0xD8);
        }
    }

    @Test
    void unknownCameraIsRefusedWithASentence() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.tixun.sim.SimulatedDevices.openCamera("synthetic:7",
                new Dimension(640, 480), 25)).isInstanceOf(MediaDeviceException.class)
                .hasMessageContaining("没有这个模拟摄像头");
    }

    @Test
    void selfTestPassesForTheSyntheticCameraAndTheTone() throws Exception {
        try (CameraSource cam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:3", new Dimension(640, 480), 25);
                ToneSource tone = new ToneSource()) {
            DeviceSelfTest.Result c = DeviceSelfTest.camera(cam, java.time.Duration.ofMillis(1500));
            assertThat(c.passed()).as(c.sentence()).isTrue();
            assertThat(c.sentence()).contains("摄像头正常").contains("camera OK");
            DeviceSelfTest.Result m = DeviceSelfTest.microphone(tone, java.time.Duration.ofMillis(1200));
            assertThat(m.passed()).as(m.sentence()).isTrue();
        }
    }

    @Test
    void selfTestFailsForASilentMicrophoneAndABlackCamera() throws Exception {
        AudioSource silent = new AudioSource() {
            private Thread t;

            @Override
            public String name() {
                return "silent";
            }

            @Override
            public void start(java.util.function.Consumer<AudioChunk> consumer) {
                t = new Thread(() -> consumer.accept(new AudioChunk(new short[960], 48_000, 1, 0)));
                t.start();
            }

            @Override
            public void stop() {
            }

            @Override
            public long chunksDelivered() {
                return 1;
            }

            @Override
            public void close() {
            }
        };
        DeviceSelfTest.Result m = DeviceSelfTest.microphone(silent, java.time.Duration.ofMillis(200));
        assertThat(m.passed()).isFalse();
        assertThat(m.sentence()).contains("麦克风没有收到声音");
        assertThat(DeviceSelfTest.meanLuma(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR)))
                .isLessThan(DeviceSelfTest.BLACK_LUMA);
    }
}
