// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeviceUnavailableExceptionTest {
    @Test
    void saysWhatIsWrongAndWhatToDoInEachLanguage() {
        DeviceUnavailableException e = DeviceUnavailableException.notFound(DeviceKind.CAMERA, "HD Webcam (/dev/video0)",
                List.of("Integrated Camera (/dev/video2)"));
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到摄像头「HD Webcam (/dev/video0)」（本机发现："
                + "Integrated Camera (/dev/video2)）。请检查连接线和电源，或在「设置 → 设备」中重新选择");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("the camera \"HD Webcam (/dev/video0)\" is not connected "
                + "(found: Integrated Camera (/dev/video2)). check its cable and power, or choose another in Settings → "
                + "Devices");
        assertThat(e.getMessage()).startsWith(e.message(Locale.SIMPLIFIED_CHINESE) + " (").endsWith("Devices)");
    }

    @Test
    void splitsABilingualCauseSoEachLanguageCarriesItsHalfOnce() {
        DeviceUnavailableException e = DeviceUnavailableException.failed(DeviceKind.CAMERA, "rtsp://cam/1",
                new IllegalStateException("无法连接 IP 摄像头：连接超时 (cannot connect to the IP camera (rtsp): timed out)"));
        assertThat(e.problemZh()).isEqualTo("摄像头「rtsp://cam/1」无法使用：无法连接 IP 摄像头：连接超时");
        assertThat(e.problemEn()).isEqualTo("the camera \"rtsp://cam/1\" cannot be used: cannot connect to the IP "
                + "camera (rtsp): timed out");
        // A cause worded in one language only reads the same in both.
        DeviceUnavailableException english = DeviceUnavailableException.failed(DeviceKind.SIGNATURE_PAD, "ISDV4:/dev/ttyUSB0",
                new java.io.IOException("no answer from /dev/ttyUSB0"));
        assertThat(english.problemZh()).isEqualTo("签名板「ISDV4:/dev/ttyUSB0」无法使用：no answer from /dev/ttyUSB0");
        assertThat(english.problemEn()).isEqualTo("the signature pad \"ISDV4:/dev/ttyUSB0\" cannot be used: no answer from "
                + "/dev/ttyUSB0");
        assertThat(DeviceUnavailableException.failed(DeviceKind.CAMERA, "x", new IllegalStateException("设备不存在"))
                .problemEn()).isEqualTo("the camera \"x\" cannot be used: 设备不存在");
    }
}
