// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.ink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.model.PenSample;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.sim.Signatures;

class InkFilesTest {

    @TempDir
    Path dir;

    static final List<InkPoint> POINTS = List.of(
            new InkPoint(10, 20, 0, 0, false),
            new InkPoint(11, 21, 300, 5, true),
            new InkPoint(12, 22, 310, 10.25, true),
            new InkPoint(13, 23, 0, 15.5, false),
            new InkPoint(14, 24, 200, 20, true));

    @Test
    void csvHasTheExactHeaderAndOneRowPerSampleIncludingHover() throws IOException {
        Path f = dir.resolve("s.csv");
        InkFormat.write(f, POINTS);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly("x,y,pressure,t_ms,contact", "10,20,0,0,0", "11,21,300,5,1",
                "12,22,310,10.25,1", "13,23,0,15.5,0", "14,24,200,20,1");
        assertThat(InkFormat.read(f)).isEqualTo(POINTS);
    }

    @Test
    void inkmlRoundTripsEverySampleWithPenUpTracesForHover() throws IOException {
        Path f = dir.resolve("s.inkml");
        InkFormat.write(f, POINTS);
        String xml = Files.readString(f);
        assertThat(xml).contains("<ink xmlns=\"http://www.w3.org/2003/InkML\">").contains("type=\"penUp\"");
        assertThat(InkFormat.read(f)).isEqualTo(POINTS);
    }

    @Test
    void shippedSignaturesAgreeBetweenCsvAndInkml() throws IOException {
        for (String stem : List.of("wang-feng", "tian-li", "yu-shan")) {
            List<InkPoint> csv = Signatures.load(stem + ".csv", dir);
            assertThat(csv).hasSizeGreaterThan(300);
            assertThat(Signatures.load(stem + ".inkml", dir)).isEqualTo(csv);
            assertThat(csv).anyMatch(InkPoint::contact).anyMatch(p -> !p.contact());
        }
    }

    @Test
    void rejectsCsvRowsWithAContactOtherThanZeroOrOne() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x,y,pressure,t_ms,contact\n1,2,3,4,2\n");
        assertThatThrownBy(() -> InkFormat.read(f)).isInstanceOf(IOException.class).hasMessageContaining(":2:");
    }

    @Test
    void samplesAreTimedByDeviceClockWhenEverySampleHasOne() {
        List<PenSample> samples = List.of(
                new PenSample(0, 1, 1, 1, 0, 0, PenState.CONTACT, 0, 5_000_000, 5_000_000, 70_000_000),
                new PenSample(1, 2, 2, 2, 0, 0, PenState.CONTACT, 0, 6_000_000, 6_000_000, 77_000_000));
        assertThat(InkPoint.fromSamples(samples)).extracting(InkPoint::tMs).containsExactly(0.0, 7.0);
        List<PenSample> hostOnly = List.of(
                new PenSample(0, 1, 1, 1, 0, 0, PenState.CONTACT, 0, 5_000_000, 5_000_000, PenSample.NO_DEVICE_TIME),
                new PenSample(1, 2, 2, 2, 0, 0, PenState.HOVER, 0, 6_500_000, 6_500_000, PenSample.NO_DEVICE_TIME));
        assertThat(InkPoint.fromSamples(hostOnly)).extracting(InkPoint::tMs).containsExactly(0.0, 1.5);
    }
}
