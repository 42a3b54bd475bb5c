// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImpressionQualityTest {
    @Test
    void acceptsAFingerPressedInTheMiddleOfTheWindow() throws Exception {
        ImpressionQuality.Assessment a = ImpressionQuality.require(Impressions.image(Impressions.centred()));
        assertThat(a.passed()).isTrue();
        assertThat(a.areaMm2()).isGreaterThan(150);
        assertThat(a.contrast()).isGreaterThan(50);
        assertThat(a.edgeMm()).isZero();
        assertThat(a.score()).isBetween(90, 100);
    }

    @Test
    void acceptsALighterButLegiblePress() {
        int x = (Impressions.WINDOW - Impressions.finger().width()) / 2;
        int y = (Impressions.WINDOW - Impressions.finger().height()) / 2;
        ImpressionQuality.Assessment a = ImpressionQuality.assess(Impressions.image(Impressions.frame(x, y, 0.55)));
        assertThat(a.passed()).as("%s", a).isTrue();
    }

    @Test
    void refusesABarePlatenAsBlank() {
        FingerImage blank = Impressions.image(Impressions.blank(Impressions.WINDOW, Impressions.WINDOW, 1));
        assertThatThrownBy(() -> ImpressionQuality.require(blank)).isInstanceOfSatisfying(
                ImpressionRejectedException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ImpressionQuality.Problem.BLANK);
                    assertThat(e.zh()).contains("未采集到指纹");
                    assertThat(e.en()).contains("no fingerprint");
                    assertThat(e.getMessage()).contains("请把手指平放").contains("lay the finger flat");
                });
    }

    @Test
    void refusesATooLightImpression() {
        int x = (Impressions.WINDOW - Impressions.finger().width()) / 2;
        int y = (Impressions.WINDOW - Impressions.finger().height()) / 2;
        FingerImage light = Impressions.image(Impressions.frame(x, y, 0.15));
        ImpressionQuality.Assessment a = ImpressionQuality.assess(light);
        assertThat(a.problem()).as("%s", a).isEqualTo(ImpressionQuality.Problem.TOO_LIGHT);
        assertThat(a.areaMm2()).isGreaterThan(ImpressionQuality.MIN_AREA_MM2);
        assertThatThrownBy(() -> ImpressionQuality.require(light)).hasMessageContaining("指纹过淡")
                .hasMessageContaining("too light");
    }

    @Test
    void refusesTheTipOfAFingerInACornerAsPartial() {
        // Only the finger's bottom right corner reaches the window's top left corner.
        FingerImage tip = Impressions.image(Impressions.frame(-190, -290, 1));
        ImpressionQuality.Assessment a = ImpressionQuality.assess(tip);
        assertThat(a.problem()).as("%s", a).isEqualTo(ImpressionQuality.Problem.PARTIAL);
        assertThat(a.areaMm2()).isBetween(ImpressionQuality.BLANK_AREA_MM2, ImpressionQuality.MIN_AREA_MM2);
    }

    @Test
    void refusesAFingerHalfOffTheWindowsEdgeAsPartial() {
        FingerImage off = Impressions.image(Impressions.frame(Impressions.WINDOW - 150, 80, 1));
        ImpressionQuality.Assessment a = ImpressionQuality.assess(off);
        assertThat(a.areaMm2()).isGreaterThan(ImpressionQuality.MIN_AREA_MM2);
        assertThat(a.edgeMm()).isGreaterThan(ImpressionQuality.MAX_EDGE_MM);
        assertThat(a.problem()).isEqualTo(ImpressionQuality.Problem.PARTIAL);
        assertThatThrownBy(() -> ImpressionQuality.require(off)).hasMessageContaining("指纹不完整")
                .hasMessageContaining("partial");
    }

    @Test
    void aSmallSensorCoveredByTheFingerIsNotPartial() {
        // Many libfprint press sensors are a few millimetres square: the finger covers all of it.
        FingerImage f = Impressions.finger();
        int size = 144;
        byte[] px = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                px[y * size + x] = (byte) f.grey(110 + x, 150 + y);
            }
        }
        ImpressionQuality.Assessment a = ImpressionQuality.assess(new FingerImage(px, size, size, 500, Instant.now()));
        assertThat(a.passed()).as("%s", a).isTrue();
    }
}
