// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tixun.core.evidence.model.DeviceInfo;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.Transport;

/** The {@code workstation.pad} setting: PROTOCOL:PORT, blank for none, errors that say what to write. */
class PadSpecTest {
    @Test
    void parsesProtocolAndPort() {
        assertThat(PadSpec.parse(" ISDV4:/dev/ttyUSB0 ")).contains(new PadSpec("isdv4", "/dev/ttyUSB0"));
        assertThat(PadSpec.parse("stu:/dev/hidraw0")).contains(new PadSpec("stu", "/dev/hidraw0"));
        assertThat(PadSpec.parse("Protocol4:COM3").orElseThrow().describe()).isEqualTo("PROTOCOL4 COM3");
        assertThat(PadSpec.parse("ISDV4:COM3").orElseThrow()).hasToString("ISDV4:COM3");
        assertThat(PadSpec.parse("")).isEmpty();
        assertThat(PadSpec.parse("  ")).isEmpty();
        assertThat(PadSpec.parse(null)).isEmpty();
    }

    @Test
    void saysWhatIsWrongAndWhatToWrite() {
        assertThatThrownBy(() -> PadSpec.parse("wacom9:/dev/ttyUSB0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wacom9").hasMessageContaining("未知").hasMessageContaining("unknown pad protocol")
                .hasMessageContaining("ISDV4, PROTOCOL4, TOPAZ, STU, EVDEV").hasMessageContaining(PadSpec.EXAMPLE);
        assertThatThrownBy(() -> PadSpec.parse("ISDV4")).hasMessageContaining("缺少端口")
                .hasMessageContaining("has no port").hasMessageContaining("PROTOCOL:PORT");
        assertThatThrownBy(() -> PadSpec.parse("ISDV4:  ")).hasMessageContaining("缺少端口");
        assertThatThrownBy(() -> PadSpec.parse(":/dev/ttyS0")).hasMessageContaining("缺少协议")
                .hasMessageContaining("ISDV4");
    }

    @Test
    void recordsThePadAsTheDevice() {
        PadInfo info = new PadInfo("ISDV4 firmware 10", Transport.SERIAL, "/dev/pts/7 @38400", 26202, 16325, 1023,
                true, false, 100, 133, 0, 0, false);
        DeviceInfo d = new PadSpec("isdv4", "/dev/pts/7").deviceInfo(info);
        assertThat(d).isEqualTo(new DeviceInfo("Wacom ISDV4/W8001 serial", "ISDV4 firmware 10", "/dev/pts/7 @38400",
                "SERIAL", 26202, 16325, 1023, 133));
    }

    @Test
    void opensNothingThatIsNotThere() {
        assertThatThrownBy(() -> new PadSpec("isdv4", "/nonexistent/tty-pad").open())
                .isInstanceOf(java.io.IOException.class);
    }
}
