// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.nativeio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc calls needed for device files (64-bit Linux: size_t and ssize_t map to long). */
public interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_NONBLOCK = 04000;
    int O_CLOEXEC = 02000000;
    short POLLIN = 0x1;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    long read(int fd, byte[] buffer, long count) throws LastErrorException;

    long write(int fd, byte[] buffer, long count) throws LastErrorException;

    int ioctl(int fd, long request, byte[] argument) throws LastErrorException;

    int ioctl(int fd, long request, long argument) throws LastErrorException;

    /** {@code pollfd} is 8 bytes: int fd, short events, short revents. */
    int poll(byte[] fds, long count, int timeoutMs) throws LastErrorException;
}
