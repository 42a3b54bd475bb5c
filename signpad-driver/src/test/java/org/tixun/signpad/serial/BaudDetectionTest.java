// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.isdv4.Isdv4;
import org.tixun.signpad.isdv4.Isdv4Capabilities;
import org.tixun.signpad.isdv4.Isdv4Encoder;

/** A pty ignores the baud rate, so the speed fallback is tested against an emulated line that does not. */
class BaudDetectionTest {

    /** An ISDV4 digitizer on a real UART: it only understands the host at its own speed. */
    static final class UartDigitizer implements ByteLink {
        final int deviceBaud;
        final List<Integer> baudsTried = new ArrayList<>();
        final ArrayDeque<Byte> toHost = new ArrayDeque<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int hostBaud;

        UartDigitizer(int deviceBaud) {
            this.deviceBaud = deviceBaud;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length && !toHost.isEmpty()) {
                buffer[offset + n++] = toHost.poll();
            }
            return n;
        }

        @Override
        public synchronized void write(byte[] data) {
            for (byte b : data) {
                if (hostBaud != deviceBaud) {
                    // Wrong speed: the UART sees framing errors, the digitizer sees nothing it understands.
                    continue;
                }
                received.write(b);
                if (b == Isdv4.CMD_QUERY) {
                    for (byte r : Isdv4Encoder.queryReply(new Isdv4Capabilities(20000, 15000, 1023, 0, 0, 3))) {
                        toHost.add(r);
                    }
                }
            }
        }

        @Override
        public void setBaudRate(int baud) {
            hostBaud = baud;
            baudsTried.add(baud);
        }

        @Override
        public synchronized void drainInput() {
            toHost.clear();
        }

        @Override
        public String name() {
            return "uart";
        }

        @Override
        public void close() {
        }
    }

    private static PadOptions quick() {
        return new PadOptions(0, Duration.ofMillis(100), Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofMillis(20), 10, false);
    }

    @Test
    void fallsBackTo19200WhenTheDigitizerIgnores38400() throws Exception {
        UartDigitizer uart = new UartDigitizer(19200);
        try (SerialSignaturePad pad = new SerialSignaturePad("uart", new Isdv4Driver(), quick(), (p, b, t) -> uart)) {
            pad.open();
            assertThat(uart.baudsTried).containsExactly(38400, 19200);
            assertThat(pad.info().maxX()).isEqualTo(20000);
            assertThat(pad.info().port()).endsWith("@19200");
        }
    }

    @Test
    void uses38400FirstForNewerDigitizers() throws Exception {
        UartDigitizer uart = new UartDigitizer(38400);
        try (SerialSignaturePad pad = new SerialSignaturePad("uart", new Isdv4Driver(), quick(), (p, b, t) -> uart)) {
            pad.open();
            assertThat(uart.baudsTried).containsExactly(38400);
        }
    }

    @Test
    void silentDigitizerGivesAnErrorNamingThePortAndWhatToCheck() {
        UartDigitizer uart = new UartDigitizer(9600);
        SerialSignaturePad pad = new SerialSignaturePad("/dev/ttyS4", new Isdv4Driver(), quick(), (p, b, t) -> uart);
        assertThatThrownBy(pad::open).isInstanceOf(PadException.class).hasMessageContaining("/dev/ttyS4")
                .hasMessageContaining("38400").hasMessageContaining("19200").hasMessageContaining("check");
    }

    @Test
    void missingPortNamesThePath() {
        assertThatThrownBy(() -> SerialLink.open("/dev/does-not-exist-42", 38400, 100))
                .isInstanceOf(PadException.class).hasMessageContaining("/dev/does-not-exist-42")
                .hasMessageContaining("does not exist");
    }
}
