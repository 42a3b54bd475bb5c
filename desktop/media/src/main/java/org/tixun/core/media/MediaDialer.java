// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.IOException;
import java.net.Socket;

/**
 * Opens a media connection to the terminal: TLS, {@link MediaHello} sent and accepted. The workstation's is
 * {@code WorkstationLink.mediaDialer(SessionTls, "host:port", sessionId)}.
 */
@FunctionalInterface
public interface MediaDialer {
    /**
     * Dials once.
     *
     * @return the connected socket, its input positioned after the terminal's answer
     * @throws IOException a refusal (a subclass carrying the sentence) or a network failure
     */
    Socket dial() throws IOException;
}
