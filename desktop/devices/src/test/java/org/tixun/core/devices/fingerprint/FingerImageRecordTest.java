// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerImageRecordTest {
    private final FingerImage image = Impressions.image(Impressions.centred());

    @Test
    void writesTheGeneralHeaderTheFingerHeaderAndThePixelsOfIso19794Part4() {
        byte[] r = FingerImageRecord.write(image, FingerPosition.RIGHT_INDEX, 87,
                FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN, 0x0123);
        int pixels = 640 * 640;
        assertThat(r).hasSize(32 + 14 + pixels);
        ByteBuffer b = ByteBuffer.wrap(r);
        assertThat(new String(r, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("FIR\0");
        assertThat(new String(r, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("010\0");
        assertThat(b.getShort(8)).isZero();
        assertThat(b.getInt(10)).isEqualTo(r.length);
        assertThat(b.getShort(14)).isEqualTo((short) 0x0123);
        assertThat(b.getShort(16)).as("acquisition level for 500 ppi, 8 bit").isEqualTo((short) 31);
        assertThat(r[18]).as("one finger").isEqualTo((byte) 1);
        assertThat(r[19]).as("pixels per inch").isEqualTo((byte) 1);
        for (int off = 20; off < 28; off += 2) {
            assertThat(b.getShort(off)).isEqualTo((short) 500);
        }
        assertThat(r[28]).as("bits per pixel").isEqualTo((byte) 8);
        assertThat(r[29]).as("uncompressed").isZero();
        assertThat(b.getShort(30)).isZero();
        assertThat(b.getInt(32)).as("finger data block").isEqualTo(14 + pixels);
        assertThat(r[36]).as("right index finger").isEqualTo((byte) 2);
        assertThat(r[37]).as("views").isEqualTo((byte) 1);
        assertThat(r[38]).as("view number").isEqualTo((byte) 1);
        assertThat(r[39]).as("quality").isEqualTo((byte) 87);
        assertThat(r[40]).as("live-scan plain").isZero();
        assertThat(b.getShort(41)).isEqualTo((short) 640);
        assertThat(b.getShort(43)).isEqualTo((short) 640);
        assertThat(r[45]).isZero();
        assertThat(Arrays.copyOfRange(r, 46, r.length)).isEqualTo(image.pixels());
    }

    @Test
    void readsBackWhatItWrote() {
        byte[] r = FingerImageRecord.write(image, FingerPosition.LEFT_THUMB, 55, FingerImageRecord.ImpressionType.SWIPE,
                7);
        FingerImageRecord.Parsed p = FingerImageRecord.read(r);
        assertThat(p.image().pixels()).isEqualTo(image.pixels());
        assertThat(p.image().width()).isEqualTo(640);
        assertThat(p.image().ppi()).isEqualTo(500);
        assertThat(p.finger()).isEqualTo(FingerPosition.LEFT_THUMB);
        assertThat(p.quality()).isEqualTo(55);
        assertThat(p.type()).isEqualTo(FingerImageRecord.ImpressionType.SWIPE);
        assertThat(p.captureDeviceId()).isEqualTo(7);
        assertThat(p.acquisitionLevel()).isEqualTo(31);
    }

    @Test
    void refusesATruncatedOrForeignRecord() {
        byte[] r = FingerImageRecord.write(image, FingerPosition.RIGHT_INDEX, 80,
                FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN, 0);
        assertThatThrownBy(() -> FingerImageRecord.read(Arrays.copyOf(r, r.length - 1)))
                .hasMessageContaining("record length field");
        byte[] foreign = r.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> FingerImageRecord.read(foreign)).hasMessageContaining("not an ISO/IEC 19794-4");
    }

    @Test
    void choosesTheAcquisitionLevelFromTheResolution() {
        assertThat(FingerImageRecord.acquisitionLevel(1000)).isEqualTo(41);
        assertThat(FingerImageRecord.acquisitionLevel(500)).isEqualTo(31);
        assertThat(FingerImageRecord.acquisitionLevel(400)).isEqualTo(20);
        assertThat(FingerImageRecord.acquisitionLevel(363)).isEqualTo(10);
    }
}
