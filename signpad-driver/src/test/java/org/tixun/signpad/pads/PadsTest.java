// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.evdev.EvdevPad;
import org.tixun.signpad.serial.SerialSignaturePad;
import org.tixun.signpad.stu.StuPad;

class PadsTest {

    @Test
    void builtInProtocolsAreFoundThroughTheServiceLoader() {
        assertThat(Pads.protocols()).containsExactly("isdv4", "protocol4", "topaz", "stu", "evdev");
        assertThat(Pads.create(PadProtocol.ISDV4, "/dev/ttyS0", PadOptions.defaults()))
                .isInstanceOf(SerialSignaturePad.class);
        assertThat(Pads.create("STU", "/dev/hidraw0", PadOptions.defaults())).isInstanceOf(StuPad.class);
        assertThat(Pads.create(PadProtocol.EVDEV, "/dev/input/event3", PadOptions.defaults()))
                .isInstanceOf(EvdevPad.class);
    }

    @Test
    void unknownProtocolNamesTheKnownOnes() {
        assertThatThrownBy(() -> Pads.create("wintab", "x", PadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isdv4");
    }
}
