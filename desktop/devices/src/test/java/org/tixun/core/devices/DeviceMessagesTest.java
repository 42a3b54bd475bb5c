// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.core.i18n.BundleConsistency.readsInBothLanguages;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.TixunException;
import org.tixun.core.devices.camera.NativeCameras;
import org.tixun.core.devices.config.ConfiguredDevices;
import org.tixun.core.devices.config.DeviceDiscovery;
import org.tixun.core.devices.config.DeviceSelfTests;
import org.tixun.core.devices.config.DeviceSettings;
import org.tixun.core.devices.fingerprint.FingerPosition;
import org.tixun.core.devices.fingerprint.ImpressionQuality;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.i18n.Message;
import org.tixun.core.store.Database;
import org.tixun.core.store.Settings;
import org.tixun.signpad.discovery.PadDiscovery;

/** The devices module's texts come from its bundle; its failures and self-test results read in Chinese and English. */
class DeviceMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

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
    void bundleMatchesTheSources() {
        BundleConsistency.of(DeviceMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                .labels(DeviceKind.class, FingerPosition.class).check();
    }

    @Test
    void aDeviceThatIsNotConfiguredSaysWhatToDoInEachLanguage() {
        DeviceUnavailableException e = catchThrowableOfType(devices::openMicrophone, DeviceUnavailableException.class);
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).isEqualTo("未配置麦克风。请管理员在「设置 → 设备」中选择麦克风并点「测试」");
        assertThat(e.message(EN)).isEqualTo("no microphone is configured. an administrator chooses a microphone in "
                + "Settings → Devices and presses Test");
        assertThat(e.getMessage()).isEqualTo(e.message(ZH) + " (" + e.message(EN) + ")");
    }

    @Test
    void theGmTrackWithoutItsKeyStoreIsATixunExceptionInEachLanguage() {
        settings.put(DeviceSettings.GM_ENABLED, "true");
        TixunException e = catchThrowableOfType(() -> devices.openGm(dir, "x".toCharArray()), TixunException.class);
        assertThat(e.exit()).isEqualTo(TixunException.Exit.KEYSTORE);
        readsInBothLanguages(e);
        assertThat(e.message(EN)).startsWith("the GM (SM2) track is on but its key store " + dir.resolve("gm.p12"));
    }

    @Test
    void aSelfTestOfAMissingDeviceReadsInEachLanguage() throws Exception {
        SelfTestResult r = new DeviceSelfTests(devices).pad("ISDV4", java.time.Duration.ZERO);
        assertThat(r.passed()).isFalse();
        readsInBothLanguages(r);
        assertThat(r.message(ZH)).contains("缺少端口");
        assertThat(r.message(EN)).contains("has no port");
        assertThat(r.sentence()).isEqualTo(r.message().bilingual());
    }

    @Test
    void aPadSettingThatCannotBeReadSaysHowToWriteItInEachLanguage() {
        LocalizedArgumentException e = catchThrowableOfType(() -> PadSpec.parse("wacom9:/dev/ttyS0"),
                LocalizedArgumentException.class);
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).startsWith("签名板协议“wacom9”未知：可用 ");
        assertThat(e.message(EN)).startsWith("unknown pad protocol \"wacom9\": use one of ");
    }

    @Test
    void labelsOfKindsFingersAndRefusalsComeFromTheBundle() {
        assertThat(DeviceKind.FINGERPRINT_READER.label(ZH)).isEqualTo("指纹采集仪");
        assertThat(DeviceKind.FINGERPRINT_READER.label(EN)).isEqualTo("fingerprint reader");
        assertThat(FingerPosition.RIGHT_INDEX.in(EN)).isEqualTo("right index finger");
        assertThat(FingerPosition.RIGHT_INDEX.zh()).isEqualTo("右手食指");
        readsInBothLanguages(ImpressionQuality.Problem.TOO_LIGHT);
        assertThat(ImpressionQuality.Problem.TOO_LIGHT.zh()).startsWith("指纹过淡");
    }
}
