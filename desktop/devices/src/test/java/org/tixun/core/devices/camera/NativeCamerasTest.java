// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Camera discovery per operating system; the Linux path against a sysfs tree laid out as the kernel does. */
class NativeCamerasTest {
    @TempDir
    Path sys;

    @Test
    void listsTheV4l2CaptureNodesButNotTheirMetadataNodes() throws Exception {
        node("video0", "HD Webcam C270", "0");
        node("video1", "HD Webcam C270", "1");
        node("video10", "Integrated Camera", "0");
        node("video2", "Integrated Camera", "0");
        NativeCameras cameras = new NativeCameras("Linux", sys, Path.of("/dev"));
        assertThat(cameras.format()).isEqualTo(NativeCameras.V4L2);
        assertThat(cameras.discover()).containsExactly(
                new NativeCamera("HD Webcam C270", "video4linux2", "/dev/video0"),
                new NativeCamera("Integrated Camera", "video4linux2", "/dev/video2"),
                new NativeCamera("Integrated Camera", "video4linux2", "/dev/video10"));
        assertThat(cameras.discover().get(0).deviceName()).isEqualTo("HD Webcam C270 (/dev/video0)");
    }

    @Test
    void findsNothingWithoutVideoDevices() {
        assertThat(new NativeCameras("Linux", sys, Path.of("/dev")).discover()).isEmpty();
    }

    @Test
    void choosesDirectShowOnWindowsAndAvFoundationOnMacOs() {
        assertThat(new NativeCameras("Windows 11", sys, sys).format()).isEqualTo("dshow");
        assertThat(new NativeCameras("Mac OS X", sys, sys).format()).isEqualTo("avfoundation");
        assertThat(new NativeCamera("USB Camera", "dshow", "video=USB Camera").deviceName()).isEqualTo("USB Camera");
    }

    private void node(String name, String label, String index) throws Exception {
        Path n = Files.createDirectories(sys.resolve("class/video4linux").resolve(name));
        Files.writeString(n.resolve("name"), label + "\n");
        Files.writeString(n.resolve("index"), index + "\n");
    }
}
