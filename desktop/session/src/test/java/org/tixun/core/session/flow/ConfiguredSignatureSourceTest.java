// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.PadSpec;
import org.tixun.core.devices.fingerprint.FakeLivescan;
import org.tixun.core.devices.fingerprint.Impressions;
import org.tixun.core.devices.fingerprint.LivescanReader;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.sim.SimulatedPadRig;

/**
 * The terminal's production signing devices: a signature slot written on the configured pad (an ISDV4 simulator on
 * a socat pty, opened through the production driver), a fingerprint slot pressed on the configured GA/T 626.1
 * reader (a library built by the test that implements the interface); nothing configured, no ink or a bare platen
 * is an error that names the problem, never a substitute.
 */
class ConfiguredSignatureSourceTest {
    private static final SignerIdentity SUSPECT = new SignerIdentity("王峰", SignerRole.SUSPECT, "犯罪嫌疑人");
    private static final PlannedSlot SIGN = new PlannedSlot("suspect-p1", 0, SlotKind.SIGNATURE, SUSPECT);
    private static final PlannedSlot FINGER = new PlannedSlot("suspect-p1-fingerprint", 0, SlotKind.FINGERPRINT,
            SUSPECT);
    @TempDir
    Path dir;

    @Test
    void aSignatureIsTheConfiguredPadsInkUntilThePenRests() throws Exception {
        try (SimulatedPadRig.SimulatedDevice device = SimulatedPadRig.startDevice(dir, "wang-feng")) {
            PadSpec spec = PadSpec.parse("ISDV4:" + device.hostEnd()).orElseThrow();
            var source = new ConfiguredSignatureSource(spec, null, Duration.ofMillis(400), Duration.ofSeconds(30));
            Capture c = source.capture(SIGN, 0);
            assertThat(device.simulator().awaitFinished(Duration.ofSeconds(30))).isTrue();
            assertThat(c.samples()).as("every sample the pad sent").hasSize(device.simulator().sentCount());
            assertThat(c.samples()).anyMatch(s -> s.contact());
            assertThat(c.device().model() + " " + c.device().vendor()).containsIgnoringCase("ISDV4");
            assertThat(c.fingerprintPng()).isNull();
        }
    }

    @Test
    void aFingerprintIsTheReadersImpressionAsAnIsoRecord() throws Exception {
        Path library = FakeLivescan.library();
        var fake = FakeLivescan.controls();
        fake.FAKE_SetInitResult(1);
        fake.FAKE_SetBlankFrames(0);
        assertThat(fake.FAKE_SetImage(FakeLivescan.raw(dir, "good.raw", Impressions.centred()).toString())).isOne();
        var source = new ConfiguredSignatureSource(null, () -> LivescanReader.open(library, 0), Duration.ofMillis(400),
                Duration.ofSeconds(20));
        Capture c = source.capture(FINGER, 0);
        assertThat(new String(Arrays.copyOf(c.fingerprintPng(), 3), StandardCharsets.US_ASCII))
                .as("ISO/IEC 19794-4 finger image record").isEqualTo("FIR");
        assertThat(c.inkPng()).as("the red impression for the page").isNotEmpty();
        assertThat(c.device().vendor()).isEqualTo("GA/T 626.1 LIVESCAN");
    }

    @Test
    void aBarePlatenIsRefusedNotFilled() throws Exception {
        Path library = FakeLivescan.library();
        var fake = FakeLivescan.controls();
        fake.FAKE_SetInitResult(1);
        fake.FAKE_SetBlankFrames(1_000_000);
        var source = new ConfiguredSignatureSource(null, () -> LivescanReader.open(library, 0), Duration.ofMillis(400),
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> source.capture(FINGER, 0)).isInstanceOf(IOException.class);
        fake.FAKE_SetBlankFrames(0);
    }

    @Test
    void nothingConfiguredIsSaidForEachKindOfSlot() {
        var source = new ConfiguredSignatureSource(null, null, Duration.ofMillis(400), Duration.ofSeconds(1));
        assertThat(source.hasDevices()).isFalse();
        assertThatThrownBy(() -> source.capture(SIGN, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("没有配置签名板").hasMessageContaining("no signature pad is configured");
        assertThatThrownBy(() -> source.capture(FINGER, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("没有配置指纹仪").hasMessageContaining("no fingerprint reader is configured");
    }
}
