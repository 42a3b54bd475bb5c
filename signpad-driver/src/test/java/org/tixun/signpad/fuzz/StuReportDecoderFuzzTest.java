// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.stu.StuReportDecoder;

class StuReportDecoderFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void arbitraryReportsNeverCrashAndDeviceTimeNeverGoesBack(FuzzedDataProvider data) {
        StuReportDecoder d = new StuReportDecoder();
        List<DecodedPen> out = new ArrayList<>();
        long host = 0;
        int reports = 0;
        while (data.remainingBytes() > 0) {
            byte[] report = data.consumeBytes(data.consumeInt(0, 16));
            host += data.consumeLong(0, 200_000_000_000L);
            d.report(report, 0, report.length, host, out::add);
            reports++;
        }
        long last = Long.MIN_VALUE;
        for (DecodedPen p : out) {
            assertThat(p.pressure()).isBetween(0, 0xFFF);
            if (p.deviceNanos() != Long.MIN_VALUE) {
                assertThat(p.deviceNanos()).isGreaterThanOrEqualTo(last);
                last = p.deviceNanos();
            }
        }
        DecodeCounts c = d.stats().snapshot();
        assertThat(c.packetsOk() + c.packetsIgnored() + c.packetsGarbled()).isLessThanOrEqualTo(reports);
    }
}
