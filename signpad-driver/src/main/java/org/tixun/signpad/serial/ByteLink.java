// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.serial;

import java.io.Closeable;
import java.io.IOException;

/** A bidirectional byte link to a pad (a serial port, a pty, a device file). */
public interface ByteLink extends Closeable {

    /** Reads available bytes, waiting at most the link's read timeout; returns 0 on timeout. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    void write(byte[] data) throws IOException;

    /** Changes the line speed; links without one ignore it. */
    void setBaudRate(int baud) throws IOException;

    /** Discards input the pad has sent but we have not read yet. */
    void drainInput() throws IOException;

    /** Returns the port name or path. */
    String name();

    @Override
    void close();
}
