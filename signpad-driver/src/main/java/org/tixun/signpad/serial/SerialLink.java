// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tixun.signpad.PadException;

/** A serial port or pty opened through jSerialComm by name or path. */
public final class SerialLink implements ByteLink {

    private final SerialPort port;
    private final String name;

    private SerialLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens {@code name} (e.g. {@code /dev/ttyS0}, {@code COM3}, or a pty path) at 8N1 without flow control.
     *
     * @throws PadException naming the port and what to check (existence, permissions, dialout group)
     */
    public static SerialLink open(String name, int baud, int readTimeoutMs) throws PadException {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            if (!Files.exists(p)) {
                throw new PadException("serial port " + name + " does not exist: check the cable and the port name"
                        + " (pad list shows the ports found)");
            }
            if (!Files.isReadable(p) || !Files.isWritable(p)) {
                throw new PadException("no permission to open serial port " + name
                        + ": add the user to the 'dialout' group (sudo usermod -aG dialout $USER, then log in again)");
            }
        }
        SerialPort sp;
        try {
            sp = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new PadException("serial port " + name + " is not valid: " + e.getMessage(), e);
        }
        sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMs, 0);
        if (!sp.openPort(0)) {
            int code = sp.getLastErrorCode();
            String hint = switch (code) {
                case 13 -> "permission denied: add the user to the 'dialout' group";
                case 16 -> "the port is busy: another program (ModemManager, a second capture) has it open";
                case 2 -> "no such device: check the cable and the port name";
                default -> "check that the pad is connected and that the user is in the 'dialout' group";
            };
            throw new PadException("cannot open serial port " + name + " (error " + code + "): " + hint);
        }
        return new SerialLink(sp, name);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            throw new IOException("serial port " + name + " is gone (read error " + port.getLastErrorCode() + ")");
        }
        if (n == 0 && port.bytesAvailable() < 0) {
            throw new IOException("serial port " + name + " is gone");
        }
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        int done = 0;
        while (done < data.length) {
            int n = port.writeBytes(data, data.length - done, done);
            if (n < 0) {
                throw new IOException("cannot write to serial port " + name + " (error " + port.getLastErrorCode()
                        + ")");
            }
            done += n;
        }
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        if (!port.setBaudRate(baud)) {
            throw new IOException("cannot set " + baud + " baud on " + name);
        }
    }

    @Override
    public void drainInput() throws IOException {
        byte[] scratch = new byte[1024];
        while (port.bytesAvailable() > 0) {
            if (port.readBytes(scratch, scratch.length, 0) < 0) {
                throw new IOException("serial port " + name + " is gone");
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
