// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.nativeio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.decode.Chunking;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.evdev.EvdevDecoder;
import org.tixun.signpad.evdev.EvdevFixtures;
import org.tixun.signpad.evdev.EvdevPad;

/** The JNA read path (open, poll, read) on a FIFO carrying a recorded evdev stream; /dev/uinput is not available. */
class DeviceFileTest {

    @TempDir
    Path dir;

    @Test
    void readsARecordedEventStreamThroughPollAndRead() throws Exception {
        Path fifo = dir.resolve("event-fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
        List<DecodedPen> expected = EvdevFixtures.penStroke();
        byte[] stream = EvdevFixtures.encode(expected);
        try (DeviceFile f = DeviceFile.open(fifo.toString(), false)) {
            byte[] buf = new byte[240];
            assertThat(f.read(buf, 0)).as("nothing written yet: poll times out").isZero();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    out.write(stream);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (got.size() < stream.length && System.nanoTime() < deadline) {
                int n = f.read(buf, 50);
                got.write(buf, 0, n);
            }
            writer.get();
            assertThat(Chunking.whole(new EvdevDecoder(null), got.toByteArray())).isEqualTo(expected);
        }
    }

    @Test
    void openingAMissingDeviceNamesItAndWhatToCheck() {
        assertThatThrownBy(() -> DeviceFile.open(dir.resolve("event99").toString(), false))
                .isInstanceOf(PadException.class).hasMessageContaining("event99").hasMessageContaining("plugged in");
    }

    @Test
    void evdevPadRefusesAFileThatIsNotAnInputDevice() throws IOException {
        Path plain = Files.writeString(dir.resolve("not-a-device"), "x");
        EvdevPad pad = new EvdevPad(plain.toString(), PadOptions.defaults());
        assertThatThrownBy(pad::open).isInstanceOf(PadException.class).hasMessageContaining("not a pen tablet");
    }
}
