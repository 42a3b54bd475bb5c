// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.DeviceSelfTest;
import org.tixun.core.media.MediaDeviceException;
import org.tixun.core.media.VideoFrame;

/**
 * The native camera path (Webcam Capture API → {@link FfmpegWebcamDriver} → FFmpeg input → {@link CameraSource})
 * without a camera: this machine has no /dev/video node, so FFmpeg's own test-pattern input ({@code lavfi}) stands
 * in for the V4L2 input; what is tested is everything but the V4L2 open itself. Opening a V4L2 node that is not there
 * is tested for its message.
 */
class FfmpegWebcamDriverTest {
    private CameraSource camera;

    @AfterEach
    void close() {
        if (camera != null) {
            camera.close();
        }
    }

    @Test
    void deliversFramesThroughWebcamCaptureAndCameraSource() throws Exception {
        NativeCamera source = new NativeCamera("FFmpeg test source", "lavfi", "testsrc2=size=640x480:rate=25");
        Webcam.setDriver(new FfmpegWebcamDriver(() -> List.of(source)));
        assertThat(Webcam.getWebcams()).extracting(Webcam::getName).containsExactly(source.deviceName());
        camera = CameraSource.open(source.deviceName(), new Dimension(640, 480), 25);
        List<VideoFrame> frames = new CopyOnWriteArrayList<>();
        camera.start(frames::add);
        long deadline = System.currentTimeMillis() + 20_000;
        while (frames.size() < 25 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(frames).hasSizeGreaterThanOrEqualTo(25);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.width()).isEqualTo(640);
            assertThat(f.height()).isEqualTo(480);
        });
        camera.stop();
        DeviceSelfTest.Result r = DeviceSelfTest.camera(camera, Duration.ofSeconds(2));
        assertThat(r.passed()).as(r.sentence()).isTrue();
    }

    @Test
    void aCameraThatIsNotThereGivesASentence() {
        NativeCamera missing = new NativeCamera("Gone", NativeCameras.V4L2, "/dev/video97");
        Webcam.setDriver(new FfmpegWebcamDriver(() -> List.of(missing)));
        assertThatThrownBy(() -> CameraSource.open(missing.deviceName(), new Dimension(640, 480), 25))
                .isInstanceOf(MediaDeviceException.class).hasMessageContaining("无法打开摄像头")
                .hasMessageContaining("/dev/video97");
    }
}
