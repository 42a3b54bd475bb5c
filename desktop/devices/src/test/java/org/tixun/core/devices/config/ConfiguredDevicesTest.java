// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.TixunException;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.PadCatalog;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.sim.SimulatedPadRig;
import org.tixun.core.devices.camera.NativeCameras;
import org.tixun.core.store.Database;
import org.tixun.core.store.Settings;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.discovery.PadDiscovery;
import org.tixun.signpad.serial.PtyPair;

/**
 * The factory of configured devices: what each setting opens, and the sentence when nothing usable is configured (it
 * never substitutes a simulator, a sample or a tone).
 */
class ConfiguredDevicesTest {
    @TempDir
    Path dir;
    private Database db;
    private Settings settings;
    private ConfiguredDevices devices;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("tixun.db"));
        settings = new Settings(db);
        Path sys = dir.resolve("sys");
        devices = new ConfiguredDevices(settings, new DeviceDiscovery(new NativeCameras("Linux", sys, dir),
                new PadCatalog(new PadDiscovery(sys, dir)), List::of, List::of));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nothingConfiguredSaysSoAndWhereToChoose() {
        for (Runnable open : List.<Runnable>of(() -> devices.openCamera(new Dimension(640, 480), 25),
                devices::openMicrophone, devices::openPad, devices::openFingerprintReader)) {
            assertThatThrownBy(open::run).isInstanceOf(DeviceUnavailableException.class)
                    .hasMessageContaining("未配置").hasMessageContaining("设置 → 设备")
                    .hasMessageContaining("is configured").hasMessageContaining("Settings → Devices");
        }
    }

    @Test
    void neverOpensTheDemosSyntheticCameraOrTheTestTone() {
        settings.put(DeviceSettings.CAMERA, "synthetic:1");
        settings.put(DeviceSettings.MICROPHONE, "tone");
        assertThatThrownBy(() -> devices.openCamera(new Dimension(640, 480), 25))
                .isInstanceOf(DeviceUnavailableException.class).hasMessageContaining("模拟摄像头")
                .hasMessageContaining("real camera");
        assertThatThrownBy(devices::openMicrophone).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("测试音").hasMessageContaining("real microphone");
    }

    @Test
    void aCameraOrMicrophoneThatIsNotAttachedIsNamedWithWhatIsThere() {
        settings.put(DeviceSettings.CAMERA, "HD Webcam C270 (/dev/video0)");
        assertThatThrownBy(() -> devices.openCamera(new Dimension(640, 480), 25))
                .isInstanceOfSatisfying(DeviceUnavailableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceKind.CAMERA);
                    assertThat(e.problemZh()).contains("未找到摄像头「HD Webcam C270 (/dev/video0)」")
                            .contains("本机未发现任何摄像头");
                    assertThat(e.remedyEn()).contains("check its cable");
                });
        settings.put(DeviceSettings.MICROPHONE, "USB Audio [plughw:1,0]");
        assertThatThrownBy(devices::openMicrophone).hasMessageContaining("未找到麦克风「USB Audio [plughw:1,0]」");
    }

    @Test
    void anIpCameraThatDoesNotAnswerKeepsItsPasswordOutOfTheMessage() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        settings.put(DeviceSettings.CAMERA, "rtsp://admin:pa55@127.0.0.1:" + port + "/h264");
        assertThatThrownBy(() -> devices.openCamera(new Dimension(640, 480), 25))
                .isInstanceOf(DeviceUnavailableException.class).hasMessageContaining("rtsp://admin:***@127.0.0.1")
                .hasMessageNotContaining("pa55");
    }

    @Test
    void opensTheConfiguredPadThroughTheProductionDriverAndItsSelfTestSeesThePen() throws Exception {
        try (SimulatedPadRig.SimulatedDevice pad = SimulatedPadRig.startDevice(dir.resolve("pad"), "wang-feng")) {
            settings.put(DeviceSettings.PAD, "ISDV4:" + pad.hostEnd());
            try (SignaturePad opened = devices.openPad()) {
                assertThat(opened.info().maxPressure()).isPositive();
            }
        }
        try (SimulatedPadRig.SimulatedDevice pad = SimulatedPadRig.startDevice(dir.resolve("pad2"), "tian-li")) {
            SelfTestResult r = new DeviceSelfTests(devices).pad("ISDV4:" + pad.hostEnd(), Duration.ofSeconds(20));
            assertThat(r.passed()).as(r.sentence()).isTrue();
            assertThat(r.sentence()).startsWith("签名板正常：").contains("笔迹点").contains("pen samples");
        }
    }

    @Test
    void aPadThatDoesNotAnswerIsNamed() throws Exception {
        try (PtyPair silent = PtyPair.start(dir.resolve("a"), dir.resolve("b"))) {
            SelfTestResult r = new DeviceSelfTests(devices).pad("ISDV4:" + silent.hostEnd(), Duration.ZERO);
            assertThat(r.passed()).isFalse();
            assertThat(r.sentence()).contains("没有应答").contains("does not answer").contains("换一种协议");
        }
        settings.put(DeviceSettings.PAD, "WACOM");
        assertThatThrownBy(devices::openPad).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("协议:端口");
    }

    @Test
    void theWorkstationsEarlierPadSettingStillCounts() {
        settings.put(Settings.WORKSTATION_PAD, "STU:/dev/hidraw0");
        assertThat(devices.setting(DeviceKind.SIGNATURE_PAD)).isEqualTo("STU:/dev/hidraw0");
        settings.put(DeviceSettings.PAD, "EVDEV:/dev/input/event4");
        assertThat(devices.setting(DeviceKind.SIGNATURE_PAD)).isEqualTo("EVDEV:/dev/input/event4");
    }

    @Test
    void aFingerprintSettingThatIsNotUnderstoodIsNamed() {
        settings.put(DeviceSettings.FINGERPRINT, "usb:fingerprint");
        assertThatThrownBy(devices::openFingerprintReader).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("指纹采集仪设置「usb:fingerprint」无法识别");
        settings.put(DeviceSettings.FINGERPRINT, "livescan:" + dir.resolve("libvendor.so"));
        assertThatThrownBy(devices::openFingerprintReader).hasMessageContaining("找不到指纹采集仪接口库");
    }

    @Test
    void theGmTrackNeedsItsKeyStoreWhenSwitchedOn() throws Exception {
        assertThat(devices.openGm(dir, "x".toCharArray())).isEmpty();
        settings.put(DeviceSettings.GM_ENABLED, "true");
        assertThat(devices.gmKeystorePath(dir)).isEqualTo(dir.resolve("gm.p12"));
        assertThatThrownBy(() -> devices.openGm(dir, "x".toCharArray())).isInstanceOf(TixunException.class)
                .hasMessageContaining("找不到国密密钥库");
        org.tixun.core.pki.GmKeyStore.create(dir.resolve("gm.p12"), "x".toCharArray(), "测试院");
        assertThat(devices.openGm(dir, "x".toCharArray())).isPresent();
        assertThat(Files.exists(dir.resolve("gm.p12"))).isTrue();
    }
}
