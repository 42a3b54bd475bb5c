// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Test code: runs in a child JVM whose environment names libfprint's virtual image device socket ({@code
 * FP_VIRTUAL_IMAGE}); lists libfprint's devices, opens the virtual image reader through {@link LibfprintReader} and
 * takes {@code count} impressions through {@link FingerprintCapture}, printing what happened line by line and
 * writing each accepted impression (raw grey and ISO/IEC 19794-4 record) to the output directory.
 */
public final class LibfprintChildMain {
    private LibfprintChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        List<LibfprintReader.Device> devices = LibfprintReader.devices();
        System.out.println("DEVICES " + devices.size());
        LibfprintReader.Device virtual = null;
        for (LibfprintReader.Device d : devices) {
            System.out.println("DEVICE " + d.settingValue() + "|" + d.name() + "|" + d.canCapture() + "|" + d.swipe());
            if (d.driver().equals("virtual_image")) {
                virtual = d;
            }
        }
        if (virtual == null) {
            System.out.println("NO-VIRTUAL-DEVICE");
            System.exit(3);
        }
        try (LibfprintReader reader = LibfprintReader.open(virtual.settingValue())) {
            System.out.println("OPEN " + reader.info().describe());
            FingerprintCapture capture = new FingerprintCapture(reader);
            for (int k = 1; k <= count; k++) {
                System.out.println("CAPTURING " + k);
                try {
                    Impression i = capture.capture(FingerPosition.RIGHT_INDEX, Duration.ofSeconds(30));
                    Files.write(out.resolve("capture-" + k + ".raw"), i.image().pixels());
                    Files.write(out.resolve("capture-" + k + ".fir"), i.isoRecord());
                    System.out.println("CAPTURED " + k + " " + i.image().width() + " " + i.image().height() + " "
                            + i.image().ppi() + " " + i.quality().score());
                } catch (ImpressionRejectedException e) {
                    System.out.println("REJECTED " + k + " " + e.problem() + " " + e.getMessage());
                } catch (FingerprintException e) {
                    System.out.println("FAILED " + k + " " + e.getMessage());
                }
            }
        }
        System.out.println("DONE");
    }
}
