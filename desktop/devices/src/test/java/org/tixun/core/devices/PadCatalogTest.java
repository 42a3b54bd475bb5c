// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.discovery.PadDiscovery;

/** The pads {@code tixun pad list} finds, offered as choices with protocol and port (sysfs laid out as the kernel does). */
class PadCatalogTest {
    @TempDir
    Path root;

    @Test
    void offersEachDiscoveredPadWithItsProtocolAndPortAsTheSettingValue() throws IOException {
        Path sys = root.resolve("sys");
        Path dev = root.resolve("dev");
        write(sys.resolve("class/input/event3/device/name"), "HUION Huion Tablet_H640P Pen\n");
        write(sys.resolve("class/input/event3/device/capabilities/key"), "1c03 0 0 0 0 0\n");
        write(sys.resolve("class/hidraw/hidraw1/device/uevent"),
                "DRIVER=hid-generic\nHID_ID=0003:0000056A:000000A8\nHID_NAME=Wacom Co.,Ltd. STU-540\n");
        PadCatalog catalog = new PadCatalog(new PadDiscovery(sys, dev));
        String stu = "STU:" + dev.resolve("hidraw1");
        String evdev = "EVDEV:" + dev.resolve("input/event3");
        assertThat(catalog.discover()).extracting(DeviceChoice::id).contains(stu, evdev);
        assertThat(catalog.discover()).filteredOn(c -> c.id().equals(stu)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(DeviceKind.SIGNATURE_PAD);
            assertThat(c.label()).contains("Wacom STU-430/530/540 USB HID").contains("STU-540");
        });
        assertThat(catalog.find(stu)).isPresent();
        assertThat(catalog.find("ISDV4:/dev/ttyNOTHERE")).isEmpty();
        assertThat(PadSpec.parse(stu)).get().extracting(PadSpec::protocol).isEqualTo("stu");
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }
}
