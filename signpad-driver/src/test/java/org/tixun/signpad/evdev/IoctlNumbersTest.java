// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.evdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Request numbers worked out from the kernel's _IOC(dir, type, nr, size) macro: dir << 30 | size << 16 | type << 8 | nr. */
class IoctlNumbersTest {

    static long ioc(int dir, char type, int nr, int size) {
        return (long) dir << 30 | (long) size << 16 | (long) type << 8 | nr;
    }

    @Test
    void evdevRequestNumbersMatchTheKernelMacros() {
        int read = 2;
        int write = 1;
        assertThat(Evdev.eviocgabs(Evdev.ABS_X)).isEqualTo(ioc(read, 'E', 0x40, 24)).isEqualTo(0x80184540L);
        assertThat(Evdev.eviocgabs(Evdev.ABS_PRESSURE)).isEqualTo(ioc(read, 'E', 0x40 + 0x18, 24));
        assertThat(Evdev.EVIOCGRAB).isEqualTo(ioc(write, 'E', 0x90, 4));
        assertThat(Evdev.eviocgkey(96)).isEqualTo(ioc(read, 'E', 0x18, 96));
        assertThat(Evdev.eviocgname(256)).isEqualTo(ioc(read, 'E', 0x06, 256));
    }
}
