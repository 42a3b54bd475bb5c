// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.core.services.CoreServices;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.PadCatalog;
import org.tixun.core.devices.audio.Microphones;
import org.tixun.core.devices.camera.NativeCameras;
import org.tixun.core.devices.config.DeviceDiscovery;
import org.tixun.core.devices.config.DeviceSettings;
import org.tixun.core.devices.fingerprint.FingerprintReaders;
import org.tixun.core.setup.MachineConfig;
import org.tixun.core.store.Settings;
import org.tixun.core.users.AppMode;
import org.tixun.signpad.discovery.PadDiscovery;

/**
 * The devices section of Settings: the devices found are offered in lists (cameras and pads from a sysfs tree laid
 * out as the kernel does, this machine having none), each 「测试」 runs the real self-test on the value chosen, and
 * saving stores the choices, the TSA and the GM switch.
 */
@ExtendWith(ApplicationExtension.class)
class DeviceSettingsTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private Path dev;

    @Start
    void start(Stage stage) throws IOException {
        core = TestApp.core(dir.resolve("data"));
        new MachineConfig(AppMode.TERMINAL, "", "").save(core.settings());
        Path sys = dir.resolve("sys");
        dev = dir.resolve("dev");
        write(sys.resolve("class/video4linux/video0/name"), "HD Webcam C270\n");
        write(sys.resolve("class/video4linux/video0/index"), "0\n");
        write(sys.resolve("class/hidraw/hidraw1/device/uevent"),
                "HID_ID=0003:0000056A:000000A8\nHID_NAME=Wacom Co.,Ltd. STU-540\n");
        DeviceDiscovery discovery = new DeviceDiscovery(new NativeCameras("Linux", sys, dev),
                new PadCatalog(new PadDiscovery(sys, dev)), Microphones::discover, FingerprintReaders::discover);
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        Scene scene = new Scene(new SettingsView(ctx, new SettingsViewModel(ctx, discovery), stage::close), 700, 780);
        org.tixun.app.ui.Theme.ensureCjkFont();
        org.tixun.app.ui.Theme.style(scene);
        if (!javafx.scene.text.Font.getFamilies().contains("Noto Sans CJK SC")) {
            // Screenshots on a host without CJK fonts: the document font the app ships.
            scene.getRoot().setStyle("-fx-font-family: \"Noto Serif SC\";");
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void offersTheDevicesFoundAndTestsAndSavesTheChoices(FxRobot robot) throws Exception {
        ComboBox<DeviceChoice> camera = combo(robot, "#settingsCamera");
        ComboBox<DeviceChoice> pad = combo(robot, "#settingsPad");
        ComboBox<DeviceChoice> fingerprint = combo(robot, "#settingsFingerprint");
        assertThat(camera.getItems()).extracting(DeviceChoice::id).containsExactly("",
                "HD Webcam C270 (" + dev.resolve("video0") + ")", DeviceSettingsViewModel.RTSP);
        assertThat(pad.getItems()).extracting(DeviceChoice::id).contains("", "STU:" + dev.resolve("hidraw1"));
        assertThat(fingerprint.getItems()).extracting(DeviceChoice::id).endsWith(DeviceSettingsViewModel.LIVESCAN);
        assertThat(camera.getConverter().toString(camera.getItems().get(2))).isEqualTo("IP 摄像头（RTSP），地址填在下面");
        assertThat(robot.lookup("#settingsRtspUrl").queryAs(TextField.class).isVisible()).isFalse();

        // An IP camera that does not answer: the test says so, without the password.
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        robot.interact(() -> camera.setValue(camera.getItems().get(2)));
        assertThat(robot.lookup("#settingsRtspUrl").queryAs(TextField.class).isVisible()).isTrue();
        robot.interact(() -> {
            robot.lookup("#settingsRtspUrl").queryAs(TextField.class).setText("rtsp://admin:pw9@127.0.0.1:" + closed
                    + "/cam");
            robot.lookup("#settingsCameraTest").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#settingsCameraResult")).startsWith("✘").contains("无法连接 IP 摄像头")
                .contains("rtsp://admin:***@127.0.0.1").doesNotContain("pw9");

        // The discovered pad is tried through the production driver: the node does not exist here.
        robot.interact(() -> {
            pad.setValue(pad.getItems().stream().filter(c -> c.id().startsWith("STU:")).findFirst().orElseThrow());
            robot.lookup("#settingsPadTest").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#settingsPadResult")).startsWith("✘").contains("签名板").contains("没有应答");

        // A GA/T 626.1 library that is not there.
        robot.interact(() -> {
            fingerprint.setValue(fingerprint.getItems().get(fingerprint.getItems().size() - 1));
            robot.lookup("#settingsLivescanPath").queryAs(TextField.class).setText(dir.resolve("libGALS.so")
                    .toString());
            robot.lookup("#settingsFingerprintTest").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#settingsFingerprintResult")).contains("找不到指纹采集仪接口库");

        // An external TSA needs its trust anchor.
        ComboBox<DeviceSettingsViewModel.TsaMode> tsa = robot.lookup("#settingsTsaMode").queryComboBox();
        robot.interact(() -> {
            tsa.setValue(DeviceSettingsViewModel.TsaMode.EXTERNAL);
            robot.lookup("#settingsTsaUrl").queryAs(TextField.class).setText("https://tsa.example.cn/tsa");
            robot.lookup("#settingsGm").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#settingsSave").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#error-tsaAnchor")).contains("先导入其根证书");
        assertThat(core.settings().get(DeviceSettings.CAMERA)).isEmpty();

        Path pem = writeAnchor(dir.resolve("tsa-root.pem"));
        robot.interact(() -> {
            robot.lookup("#settingsTsaAnchorFile").queryAs(TextField.class).setText(pem.toString());
            robot.lookup("#settingsSave").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#settingsMessage")).isEqualTo("设置已保存。");
        Settings s = core.settings();
        assertThat(s.get(DeviceSettings.CAMERA)).contains("rtsp://admin:pw9@127.0.0.1:" + closed + "/cam");
        assertThat(s.get(DeviceSettings.PAD)).contains("STU:" + dev.resolve("hidraw1"));
        assertThat(s.get(Settings.WORKSTATION_PAD)).contains("STU:" + dev.resolve("hidraw1"));
        assertThat(s.get(DeviceSettings.FINGERPRINT)).contains("livescan:" + dir.resolve("libGALS.so"));
        assertThat(s.get(DeviceSettings.TSA_MODE)).contains("external");
        assertThat(s.get(DeviceSettings.TSA_URL)).contains("https://tsa.example.cn/tsa");
        assertThat(s.get(DeviceSettings.TSA_TRUST_ANCHOR)).get().asString().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(s.get(DeviceSettings.GM_ENABLED)).contains("true");
        assertThat(text(robot, "#settingsTsaAnchor")).contains("CN=Test TSA Root");
        robot.interact(() -> robot.lookup("#settingsScroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(0.3));
        org.tixun.app.ui.Screenshots.save(camera.getScene(), "settings-devices");
        assertThat(core.audit().entries()).extracting(AuditEntry::details).singleElement().asString()
                .contains("camera=rtsp://admin:***@").contains("tsa=external").doesNotContain("pw9");
    }

    @Test
    void aSavedDeviceThatIsNotConnectedStaysChosenAndSaysSo(FxRobot robot) {
        ComboBox<DeviceChoice> pad = combo(robot, "#settingsPad");
        core.settings().put(DeviceSettings.PAD, "ISDV4:/dev/ttyUSB7");
        robot.interact(() -> robot.lookup("#settingsDevicesRefresh").queryAs(Button.class).fire());
        // The view model keeps the choice on screen; a fresh one (reopened Settings) shows the saved value.
        AppContext ctx = TestApp.context(core, I18n.CHINESE, false);
        SettingsViewModel reopened = new SettingsViewModel(ctx, new DeviceDiscovery(new NativeCameras("Linux",
                dir.resolve("sys"), dev), new PadCatalog(new PadDiscovery(dir.resolve("sys"), dev)),
                java.util.List::of, java.util.List::of));
        DeviceChoice chosen = reopened.devices().choiceProperty(org.tixun.core.devices.DeviceKind.SIGNATURE_PAD).get();
        assertThat(chosen.id()).isEqualTo("ISDV4:/dev/ttyUSB7");
        assertThat(chosen.label()).isEqualTo("ISDV4:/dev/ttyUSB7（未连接）");
        assertThat(pad.getItems()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DeviceChoice> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    private static Path writeAnchor(Path file) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair keys = gen.generateKeyPair();
        X500Name name = new X500Name("CN=Test TSA Root,O=Tixun test");
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(30))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            w.writeObject(cert);
        }
        return file;
    }
}
