// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.stu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HidrawRequestNumbersTest {

    /** The kernel's _IOC(dir, type, nr, size): dir << 30 | size << 16 | type << 8 | nr; read|write = 3. */
    private static long ioc(int dir, char type, int nr, int size) {
        return (long) dir << 30 | (long) size << 16 | (long) type << 8 | nr;
    }

    @Test
    void featureReportRequestNumbersMatchTheKernelMacros() {
        assertThat(StuPad.hidiocgfeature(15)).isEqualTo(ioc(3, 'H', 0x07, 15)).isEqualTo(0xC00F4807L);
        assertThat(StuPad.hidiocsfeature(2)).isEqualTo(ioc(3, 'H', 0x06, 2));
    }
}
