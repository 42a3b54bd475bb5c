// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.PadProtocol;

class PadDiscoveryTest {

    @TempDir
    Path root;

    @Test
    void findsPenDevicesByBtnToolPenAndStuPadsByUsbIds() throws IOException {
        Path sys = root.resolve("sys");
        Path dev = root.resolve("dev");
        // event3: a Huion-like pen (BTN_TOOL_PEN = bit 320 = word 5, bit 0); event4: a keyboard.
        write(sys.resolve("class/input/event3/device/name"), "HUION Huion Tablet_H640P Pen\n");
        write(sys.resolve("class/input/event3/device/capabilities/key"), "1c03 0 0 0 0 0\n");
        write(sys.resolve("class/input/event4/device/name"), "AT keyboard\n");
        write(sys.resolve("class/input/event4/device/capabilities/key"), "fffffffe\n");
        write(sys.resolve("class/hidraw/hidraw1/device/uevent"),
                "DRIVER=hid-generic\nHID_ID=0003:0000056A:000000A8\nHID_NAME=Wacom Co.,Ltd. STU-540\n");
        write(sys.resolve("class/hidraw/hidraw2/device/uevent"), "HID_ID=0003:0000046D:0000C52B\nHID_NAME=Logitech\n");
        PadDiscovery d = new PadDiscovery(sys, dev);
        assertThat(d.evdevPens()).singleElement().satisfies(c -> {
            assertThat(c.protocol()).isEqualTo(PadProtocol.EVDEV);
            assertThat(c.port()).isEqualTo(dev.resolve("input/event3").toString());
            assertThat(c.description()).contains("Huion");
        });
        assertThat(d.stuPads()).singleElement().satisfies(c -> {
            assertThat(c.protocol()).isEqualTo(PadProtocol.STU);
            assertThat(c.port()).isEqualTo(dev.resolve("hidraw1").toString());
            assertThat(c.description()).contains("STU-540").contains("056a:00a8");
        });
    }

    @Test
    void readsCapabilityBitmapsMostSignificantWordFirst() {
        assertThat(PadDiscovery.hasBit("1c03 0 0 0 0 0", 320)).isTrue();
        assertThat(PadDiscovery.hasBit("1c03 0 0 0 0 0", 321)).isTrue();
        assertThat(PadDiscovery.hasBit("1c03 0 0 0 0 0", 322)).isFalse();
        assertThat(PadDiscovery.hasBit("fffffffe", 320)).isFalse();
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }
}
