// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Takes media connections accepted by the terminal's link (after TLS, the {@link MediaHello} and the session check).
 * Registered with {@code TerminalLink.setMediaAcceptor}; {@link TerminalMedia} is the implementation.
 */
@FunctionalInterface
public interface MediaSocketAcceptor {
    /**
     * A media connection for the current session. Called on a link thread; the acceptor owns the socket from now on
     * and must return promptly (start its own threads).
     *
     * @param socket the TLS socket
     * @param in its input, positioned after the preamble
     * @param out its output (unbuffered)
     * @param sessionId the session
     */
    void accept(Socket socket, InputStream in, OutputStream out, String sessionId);
}
