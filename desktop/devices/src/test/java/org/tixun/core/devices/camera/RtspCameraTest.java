// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.VideoFrame;

/** The RTSP camera against GStreamer's RTSP server on loopback (TCP only) streaming a clip made with FFmpeg. */
class RtspCameraTest {
    private static final int WIDTH = 352;
    private static final int HEIGHT = 288;
    private static Path clip;
    private GstRtspServer server;
    private RtspCamera camera;

    @BeforeAll
    static void makeClip() throws Exception {
        GstRtspServer.assumeInstalled();
        Path dir = Files.createTempDirectory("tixun-rtsp");
        clip = dir.resolve("clip.mp4");
        TestClip.write(clip, WIDTH, HEIGHT, 25, 90);
    }

    @AfterEach
    void stop() throws Exception {
        if (camera != null) {
            camera.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deliversTheStreamsFramesAtTheClipsSize() throws Exception {
        server = new GstRtspServer(clip, freePort());
        server.start();
        camera = RtspCamera.open(server.url(), RtspCamera.Options.defaults());
        assertThat(camera.resolution().width).isEqualTo(WIDTH);
        assertThat(camera.resolution().height).isEqualTo(HEIGHT);
        assertThat(camera.frameRate()).isEqualTo(25);
        List<VideoFrame> frames = new CopyOnWriteArrayList<>();
        camera.start(frames::add);
        await(() -> frames.size() >= 50, 30_000, "50 frames");
        for (VideoFrame f : frames) {
            assertThat(f.width()).isEqualTo(WIDTH);
            assertThat(f.height()).isEqualTo(HEIGHT);
            assertThat(f.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        }
        assertThat(frames.get(1).sequence()).isEqualTo(frames.get(0).sequence() + 1);
        assertThat(camera.state()).isEqualTo(RtspCamera.State.STREAMING);
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(camera.photo()));
        assertThat(photo.getWidth()).isEqualTo(WIDTH);
        assertThat(photo.getHeight()).isEqualTo(HEIGHT);
        // The clip's grey field and orange bar, not a black or empty picture.
        int rgb = photo.getRGB(WIDTH - 5, HEIGHT - 5);
        assertThat((rgb >> 16) & 0xff).isGreaterThan(40);
    }

    @Test
    void saysTheStreamIsLostWhenTheServerStopsAndReconnectsWhenItIsBack() throws Exception {
        int port = freePort();
        server = new GstRtspServer(clip, port);
        server.start();
        camera = RtspCamera.open(server.url(), RtspCamera.Options.defaults());
        List<RtspCamera.State> states = new CopyOnWriteArrayList<>();
        camera.onStateChange(states::add);
        List<VideoFrame> frames = new CopyOnWriteArrayList<>();
        camera.start(frames::add);
        await(() -> frames.size() >= 10, 30_000, "first frames");

        server.stop();
        await(() -> camera.state() == RtspCamera.State.RECONNECTING, 20_000, "the loss to be noticed");
        assertThat(camera.lastError()).get().asString().contains("IP 摄像头连接中断，正在重连")
                .contains("IP camera connection lost, reconnecting").contains(server.url());
        assertThatThrownBy(camera::photo).isInstanceOf(MediaDeviceException.class).hasMessageContaining("连接中断");
        int atLoss = frames.size();

        server = new GstRtspServer(clip, port);
        server.start();
        await(() -> camera.reconnects() >= 1 && frames.size() > atLoss + 10, 40_000, "frames after reconnecting");
        assertThat(camera.state()).isEqualTo(RtspCamera.State.STREAMING);
        assertThat(states).containsSubsequence(RtspCamera.State.STREAMING, RtspCamera.State.RECONNECTING,
                RtspCamera.State.STREAMING);
        assertThat(frames.get(frames.size() - 1).width()).isEqualTo(WIDTH);
    }

    @Test
    void aCameraThatDoesNotAnswerGivesAClearErrorWithoutThePassword() throws Exception {
        String url = "rtsp://admin:s3cret@127.0.0.1:" + freePort() + "/stream1";
        assertThatThrownBy(() -> RtspCamera.open(url, RtspCamera.Options.defaults()))
                .isInstanceOf(MediaDeviceException.class)
                .hasMessageContaining("无法连接 IP 摄像头 rtsp://admin:***@127.0.0.1:")
                .hasMessageContaining("cannot connect to the IP camera")
                .hasMessageContaining("check the address")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RtspCamera.open("rtsp:/no-host", RtspCamera.Options.defaults()))
                .isInstanceOf(MediaDeviceException.class).hasMessageContaining("IP 摄像头地址无效");
        assertThat(RtspCamera.isRtsp("RTSP://cam/1")).isTrue();
        assertThat(RtspCamera.isRtsp("/dev/video0")).isFalse();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
