// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.ChildProcess;

/**
 * The libfprint adapter against libfprint's own virtual image device ({@code virtual_image}, enabled by the {@code
 * FP_VIRTUAL_IMAGE} socket variable): a child JVM opens it through {@link LibfprintReader} and captures through
 * {@link FingerprintCapture}; the test sends impressions into the socket the way libfprint's own tests do.
 */
class LibfprintReaderTest {
    @TempDir
    Path dir;

    @Test
    void capturesTheImpressionsTheVirtualDeviceReceivesThroughTheQualityGate() throws Exception {
        Assumptions.assumeTrue(libfprintInstalled(), "Debian package libfprint-2-2 is not installed: run "
                + ".ci/install-deps.sh");
        Path socket = dir.resolve("virtual-image.sock");
        try (ChildProcess child = ChildProcess.jvm(LibfprintChildMain.class,
                Map.of("FP_VIRTUAL_IMAGE", socket.toString()), dir.toString(), "3")) {
            String devices = child.await("DEVICES", 30_000);
            if (child.lines().contains("NO-VIRTUAL-DEVICE")) {
                System.out.println("SKIPPED: this libfprint build has no virtual_image driver: " + devices);
                Assumptions.abort("this libfprint build has no virtual_image driver");
            }
            String device = child.await("DEVICE libfprint:virtual_image:", 10_000);
            assertThat(device).contains("|true|");
            child.await("OPEN libfprint · ", 30_000);
            try (SocketChannel sock = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                sock.connect(UnixDomainSocketAddress.of(socket));

                FingerImage finger = Impressions.finger();
                child.await("CAPTURING 1", 10_000);
                send(sock, finger.width(), finger.height(), finger.pixels());
                String captured = child.await("CAPTURED 1 ", 30_000);
                assertThat(captured).startsWith("CAPTURED 1 360 480 500 ");
                assertThat(Files.readAllBytes(dir.resolve("capture-1.raw"))).isEqualTo(finger.pixels());
                FingerImageRecord.Parsed record = FingerImageRecord.read(
                        Files.readAllBytes(dir.resolve("capture-1.fir")));
                assertThat(record.image().pixels()).isEqualTo(finger.pixels());
                assertThat(record.finger()).isEqualTo(FingerPosition.RIGHT_INDEX);
                // The virtual image device declares itself a swipe sensor; the record says so.
                assertThat(record.type()).isEqualTo(device.endsWith("|true")
                        ? FingerImageRecord.ImpressionType.SWIPE : FingerImageRecord.ImpressionType.LIVE_SCAN_PLAIN);

                // The lower right part of the finger only: libfprint finds ridges, the quality gate refuses it.
                child.await("CAPTURING 2", 10_000);
                byte[] part = Impressions.blank(finger.width(), finger.height(), 3);
                for (int y = 300; y < finger.height(); y++) {
                    for (int x = 200; x < finger.width(); x++) {
                        part[y * finger.width() + x] = (byte) finger.grey(x, y);
                    }
                }
                send(sock, finger.width(), finger.height(), part);
                String second = child.await("REJECTED 2 ", 30_000);
                assertThat(second).contains("PARTIAL").contains("指纹不完整");

                // A bare sensor: libfprint itself asks for another press; nothing is stored.
                child.await("CAPTURING 3", 10_000);
                send(sock, finger.width(), finger.height(), Impressions.blank(finger.width(), finger.height(), 4));
                String third = child.await("FAILED 3 ", 30_000);
                assertThat(third).contains("再按一次").contains("press again");
                assertThat(dir.resolve("capture-3.raw")).doesNotExist();
            }
            child.await("DONE", 30_000);
            assertThat(child.waitFor(30_000)).isZero();
        }
    }

    /** One image as the virtual_image driver reads it: width and height as native ints, then the grey bytes. */
    private static void send(SocketChannel sock, int width, int height, byte[] pixels) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + pixels.length).order(ByteOrder.nativeOrder());
        b.putInt(width).putInt(height).put(pixels).flip();
        while (b.hasRemaining()) {
            sock.write(b);
        }
    }

    static boolean libfprintInstalled() {
        for (String d : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib"}) {
            if (Files.exists(Path.of(d, "libfprint-2.so.2"))) {
                return true;
            }
        }
        return false;
    }
}
