// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.devices.config.ConfiguredDevices;
import org.tixun.core.devices.config.DeviceSelfTests;
import org.tixun.core.evidence.EscrowCrypto;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Database;
import org.tixun.core.store.Settings;

/**
 * The GA/T 626.1 adapter against a shared library built by the test with gcc that implements the interface and
 * serves the test impression (production code path: JNA into LIVESCAN_*).
 */
class LivescanReaderTest {
    private static Path library;
    private static FakeLivescan.Controls fake;
    @TempDir
    Path dir;
    private LivescanReader reader;

    @BeforeAll
    static void build() throws Exception {
        library = FakeLivescan.library();
        fake = FakeLivescan.controls();
    }

    @BeforeEach
    void serveTheCentredFinger() {
        fake.FAKE_SetInitResult(1);
        fake.FAKE_SetBlankFrames(0);
        assertThat(fake.FAKE_SetImage(FakeLivescan.raw(dir, "good.raw", Impressions.centred()).toString())).isOne();
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void opensTheScannerAndReadsItsWindowAndDescription() {
        int inits = fake.FAKE_Count("init");
        reader = LivescanReader.open(library, 0);
        ReaderInfo info = reader.info();
        assertThat(fake.FAKE_Count("init")).isEqualTo(inits + 1);
        assertThat(info.adapter()).isEqualTo("GA/T 626.1 LIVESCAN");
        assertThat(info.model()).as("GBK description decoded").isEqualTo("Tixun 测试用活体采集仪（模拟 GA/T 626.1 接口）");
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(640);
        assertThat(info.ppi()).isEqualTo(500);
        assertThat(info.port()).endsWith("libfakelivescan.so#0");
    }

    @Test
    void waitsWhileThePlatenIsBareThenReturnsTheImpressionAsTheScannerDeliveredIt() throws Exception {
        reader = LivescanReader.open(library, 0);
        fake.FAKE_SetBlankFrames(6);
        int raws = fake.FAKE_Count("raw");
        int ends = fake.FAKE_Count("end");
        FingerImage img = reader.capture(Duration.ofSeconds(20));
        assertThat(img.pixels()).isEqualTo(Impressions.centred());
        assertThat(img.width()).isEqualTo(640);
        assertThat(fake.FAKE_Count("raw") - raws).as("6 bare frames, then the finger twice (still)")
                .isGreaterThanOrEqualTo(8);
        assertThat(fake.FAKE_Count("end")).isEqualTo(ends + 1);
        assertThat(fake.FAKE_Capturing()).isZero();
    }

    @Test
    void takesAnImpressionItsIsoRecordAndRedImageAndEncryptsTheRecordToTheEscrowKey() throws Exception {
        reader = LivescanReader.open(library, 0);
        Impression i = new FingerprintCapture(reader).capture(FingerPosition.RIGHT_INDEX, Duration.ofSeconds(20));
        FingerImageRecord.Parsed parsed = FingerImageRecord.read(i.isoRecord());
        assertThat(parsed.image().pixels()).isEqualTo(Impressions.centred());
        assertThat(parsed.finger()).isEqualTo(FingerPosition.RIGHT_INDEX);
        assertThat(parsed.quality()).isEqualTo(i.quality().score());
        assertThat(parsed.type()).isEqualTo(FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN);
        assertThat(i.reader().adapter()).isEqualTo(LivescanReader.ADAPTER);
        assertThat(i.redImpressionPng()).startsWith(0x89, 'P', 'N', 'G');

        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "pass".toCharArray(),
                "指纹测试检察院");
        byte[] sealed = i.encryptedRecord(keys.escrowCredential().certificate());
        assertThat(sealed).isNotEqualTo(i.isoRecord());
        assertThat(EscrowCrypto.decrypt(sealed, keys.escrowCredential())).isEqualTo(i.isoRecord());
    }

    @Test
    void refusesAPartialThenATooLightPressAndAcceptsThePressAfter() throws Exception {
        reader = LivescanReader.open(library, 0);
        FingerprintCapture capture = new FingerprintCapture(reader);
        fake.FAKE_SetImage(FakeLivescan.raw(dir, "tip.raw", Impressions.frame(-190, -290, 1)).toString());
        assertThatThrownBy(() -> capture.capture(FingerPosition.RIGHT_INDEX, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(ImpressionRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(ImpressionQuality.Problem.PARTIAL))
                .hasMessageContaining("指纹不完整");
        int x = (Impressions.WINDOW - Impressions.finger().width()) / 2;
        int y = (Impressions.WINDOW - Impressions.finger().height()) / 2;
        fake.FAKE_SetImage(FakeLivescan.raw(dir, "light.raw", Impressions.frame(x, y, 0.15)).toString());
        assertThatThrownBy(() -> capture.capture(FingerPosition.RIGHT_INDEX, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(ImpressionRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(ImpressionQuality.Problem.TOO_LIGHT))
                .hasMessageContaining("指纹过淡").hasMessageContaining("press a little harder");
        fake.FAKE_SetImage(FakeLivescan.raw(dir, "again.raw", Impressions.centred()).toString());
        Impression again = capture.capture(FingerPosition.RIGHT_INDEX, Duration.ofSeconds(20));
        assertThat(again.quality().passed()).isTrue();
        assertThat(fake.FAKE_Capturing()).isZero();
    }

    @Test
    void saysSoWhenNoFingerComesWithinTheTimeout() throws Exception {
        reader = LivescanReader.open(library, 0);
        fake.FAKE_SetBlankFrames(1_000_000);
        int ends = fake.FAKE_Count("end");
        assertThatThrownBy(() -> reader.capture(Duration.ofSeconds(1))).isInstanceOf(FingerprintException.class)
                .isNotInstanceOf(ImpressionRejectedException.class)
                .hasMessageContaining("未检测到手指").hasMessageContaining("no finger was placed within 1 s");
        assertThat(fake.FAKE_Count("end")).isEqualTo(ends + 1);
    }

    @Test
    void aCancelFromAnotherThreadEndsTheWait() throws Exception {
        reader = LivescanReader.open(library, 0);
        fake.FAKE_SetBlankFrames(1_000_000);
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                reader.capture(Duration.ofMinutes(5));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fake.FAKE_Capturing() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        reader.cancel();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(FingerprintException.class)
                .hasMessageContaining("指纹采集已取消");
    }

    @Test
    void reportsTheLibrarysOwnWordsWhenNoScannerIsAttached() {
        fake.FAKE_SetInitResult(-4);
        assertThatThrownBy(() -> LivescanReader.open(library, 0)).isInstanceOfSatisfying(
                DeviceUnavailableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeviceKind.FINGERPRINT_READER);
                    assertThat(e.problemZh()).contains("初始化失败").contains("-4").contains("设备不存在");
                    assertThat(e.remedyZh()).contains("USB");
                    assertThat(e.getMessage()).contains("did not initialise");
                });
    }

    @Test
    void namesAMissingLibraryAChannelItDoesNotHaveAndALibraryThatIsNotLivescan() throws Exception {
        Path missing = dir.resolve("libnothere.so");
        assertThatThrownBy(() -> LivescanReader.open(missing, 0)).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("找不到指纹采集仪接口库").hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> LivescanReader.open(library, 3)).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("没有通道 3").hasMessageContaining("has no channel 3");
        Path other = FakeLivescan.compile("not-livescan.c", "libnotlivescan.so");
        assertThatThrownBy(() -> LivescanReader.open(other, 0)).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("不是 GA/T 626.1 指纹采集接口库").hasMessageContaining("LIVESCAN_Init");
    }

    @Test
    void theSelfTestOpensTheConfiguredLibraryAndTakesAnImpressionThroughTheGate() throws Exception {
        String setting = FingerprintReaders.livescanSetting(library, 0);
        assertThat(setting).isEqualTo("livescan:" + library);
        try (Database db = Database.open(dir.resolve("tixun.db"))) {
            DeviceSelfTests tests = new DeviceSelfTests(new ConfiguredDevices(new Settings(db)));
            SelfTestResult opened = tests.fingerprintReader(setting, Duration.ZERO);
            assertThat(opened.passed()).as(opened.sentence()).isTrue();
            assertThat(opened.sentence()).contains("指纹采集仪正常").contains("640×640").contains("500 ppi");
            fake.FAKE_SetBlankFrames(3);
            SelfTestResult pressed = tests.fingerprintReader(setting, Duration.ofSeconds(20));
            assertThat(pressed.sentence()).contains("采到 640×640 的指纹");
            int x = (Impressions.WINDOW - Impressions.finger().width()) / 2;
            int y = (Impressions.WINDOW - Impressions.finger().height()) / 2;
            fake.FAKE_SetImage(FakeLivescan.raw(dir, "light.raw", Impressions.frame(x, y, 0.15)).toString());
            SelfTestResult light = tests.fingerprintReader(setting, Duration.ofSeconds(20));
            assertThat(light.passed()).isFalse();
            assertThat(light.sentence()).contains("指纹过淡");
        }
    }

    @Test
    void refusesToOpenTheSameScannerTwice() {
        reader = LivescanReader.open(library, 0);
        assertThatThrownBy(() -> LivescanReader.open(library, 0)).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("已被本程序打开");
    }
}
