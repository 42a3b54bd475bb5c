// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.nativeio;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import org.tixun.signpad.PadException;

/** A Linux device file (evdev, hidraw) read with poll timeouts and driven by ioctls through JNA. */
public final class DeviceFile implements AutoCloseable {

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private final String path;
    private volatile int fd;

    private DeviceFile(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /**
     * Opens {@code path} non-blocking.
     *
     * @throws PadException naming the path and what to check (permissions, udev rules)
     */
    public static DeviceFile open(String path, boolean write) throws PadException {
        try {
            int fd = LibC.INSTANCE.open(path, (write ? LibC.O_RDWR : LibC.O_RDONLY) | LibC.O_NONBLOCK
                    | LibC.O_CLOEXEC);
            return new DeviceFile(path, fd);
        } catch (LastErrorException e) {
            String hint = switch (e.getErrorCode()) {
                case 2 -> "it does not exist: check that the pad is plugged in (pad list)";
                case 13 -> "permission denied: add a udev rule or add the user to the 'input' (evdev) or "
                        + "'plugdev' (hidraw) group";
                case 16 -> "it is busy: another program grabbed it";
                default -> "error " + e.getErrorCode();
            };
            throw new PadException("cannot open " + path + ": " + hint, e);
        } catch (UnsatisfiedLinkError e) {
            throw new PadException("cannot open " + path + ": native access (JNA) is unavailable: " + e.getMessage(),
                    e);
        }
    }

    /** Waits up to {@code timeoutMs} for input and reads it; returns 0 on timeout, throws when the device is gone. */
    public int read(byte[] buffer, int timeoutMs) throws IOException {
        int f = fd;
        if (f < 0) {
            throw new IOException(path + " is closed");
        }
        byte[] pfd = new byte[8];
        pfd[0] = (byte) f;
        pfd[1] = (byte) (f >> 8);
        pfd[2] = (byte) (f >> 16);
        pfd[3] = (byte) (f >> 24);
        pfd[4] = LibC.POLLIN;
        try {
            int ready = LibC.INSTANCE.poll(pfd, 1, timeoutMs);
            if (ready == 0) {
                return 0;
            }
            int revents = pfd[6] & 0xFF | (pfd[7] & 0xFF) << 8;
            if ((revents & ~LibC.POLLIN) != 0 && (revents & LibC.POLLIN) == 0) {
                throw new IOException(path + " is gone (poll events 0x" + Integer.toHexString(revents) + ")");
            }
            long n = LibC.INSTANCE.read(f, buffer, buffer.length);
            if (n == 0) {
                throw new IOException(path + " reached end of file");
            }
            return (int) n;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR || e.getErrorCode() == EAGAIN) {
                return 0;
            }
            throw new IOException(path + " is gone (errno " + e.getErrorCode() + ")", e);
        }
    }

    /** Performs an ioctl whose argument is a buffer; returns the result. */
    public int ioctl(long request, byte[] argument) throws IOException {
        try {
            return LibC.INSTANCE.ioctl(fd, request, argument);
        } catch (LastErrorException e) {
            throw new IOException("ioctl 0x" + Long.toHexString(request) + " on " + path + " failed (errno "
                    + e.getErrorCode() + ")", e);
        }
    }

    /** Performs an ioctl whose argument is a plain value. */
    public int ioctl(long request, long argument) throws IOException {
        try {
            return LibC.INSTANCE.ioctl(fd, request, argument);
        } catch (LastErrorException e) {
            throw new IOException("ioctl 0x" + Long.toHexString(request) + " on " + path + " failed (errno "
                    + e.getErrorCode() + ")", e);
        }
    }

    public void write(byte[] data) throws IOException {
        try {
            LibC.INSTANCE.write(fd, data, data.length);
        } catch (LastErrorException e) {
            throw new IOException("cannot write to " + path + " (errno " + e.getErrorCode() + ")", e);
        }
    }

    public String path() {
        return path;
    }

    @Override
    public void close() {
        int f = fd;
        fd = -1;
        if (f >= 0) {
            try {
                LibC.INSTANCE.close(f);
            } catch (LastErrorException e) {
                // Closing a descriptor of an unplugged device can fail; the descriptor is released anyway.
                org.slf4j.LoggerFactory.getLogger(DeviceFile.class).debug("close {}: errno {}", path,
                        e.getErrorCode());
            }
        }
    }
}
