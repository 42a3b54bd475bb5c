// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.MediaDialer;
import org.tixun.core.media.MediaHello;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The workstation end: dials the terminal by address, opens or resumes a session, and redials with exponential
 * back-off whenever the link is lost, until closed or refused.
 */
public final class WorkstationLink extends SessionLink {
    private final SessionTls tls;
    private final String host;
    private final int port;
    private final Object wake = new Object();
    private volatile Thread dialler;
    private volatile Connection connection;

    /**
     * A workstation link for one session (new or resumed from the store).
     *
     * @param name the workstation's display name (sent in the hello)
     * @param tls the workstation's TLS context
     * @param terminalAddress {@code host:port} as in {@code MachineConfig.terminalAddress()}
     * @param sessionId the session to open or resume
     * @param store this workstation's session store
     * @param journal where received signature events are persisted before they are acknowledged, or null
     */
    public WorkstationLink(String name, SessionTls tls, String terminalAddress, String sessionId, SessionStore store,
            SignatureEventJournal journal, LinkConfig config) throws IOException {
        super(SessionRole.WORKSTATION, name, store, journal, config);
        this.tls = Objects.requireNonNull(tls, "tls");
        int colon = terminalAddress.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("terminal address must be host:port: " + terminalAddress);
        }
        this.host = terminalAddress.substring(0, colon);
        this.port = Integer.parseInt(terminalAddress.substring(colon + 1));
        bindSession(sessionId);
    }

    /** Starts dialling on a link thread; returns at once (watch the state events). */
    public void start() {
        Thread t = new Thread(this::dialLoop, "tixun-link-dialler");
        t.setDaemon(true);
        dialler = t;
        t.start();
    }

    /** Drops the current connection as if the network failed (for tests and the benchmark). */
    public void dropConnection() {
        Connection c = connection;
        if (c != null) {
            c.end(new LocalizedIOException(SessionMessages.of("link.droppedOnPurpose")), false);
        }
    }

    private void dialLoop() {
        Duration backoff = config().minBackoff();
        setState(LinkState.CONNECTING, SessionMessages.of("link.state.dialling", host, String.valueOf(port)));
        while (!isClosed()) {
            Message detail;
            try {
                Connection c = dialOnce();
                connection = c;
                backoff = config().minBackoff();
                c.ended.await();
                if (isClosed()) {
                    return;
                }
                Throwable why = c.cause();
                if (why instanceof LinkRefusedException r) {
                    // A refusal inside a running session (a frame the terminal could not read) is reported but
                    // redialled: the next hello re-synchronises. Only refusals at connect time stop the dialler.
                    refused(r);
                }
                detail = why == null ? SessionMessages.of("link.terminalClosed") : Localized.messageOf(why);
            } catch (LinkRefusedException e) {
                refused(e);
                setState(LinkState.CLOSED, e.message());
                return;
            } catch (IOException | RuntimeException e) {
                detail = SessionMessages.of("link.cannotReachTerminal", e);
            } catch (InterruptedException e) {
                return;
            }
            if (isClosed()) {
                return;
            }
            setState(LinkState.RECONNECTING, detail);
            synchronized (wake) {
                try {
                    wake.wait(Math.max(1, backoff.toMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(config().maxBackoff()) > 0) {
                backoff = config().maxBackoff();
            }
        }
    }

    private Connection dialOnce() throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
        try {
            SessionTls.configure(socket, true);
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 1);
            int timeout = (int) config().connectTimeout().toMillis();
            socket.connect(new InetSocketAddress(host, port), timeout);
            socket.setSoTimeout(timeout);
            // Host name verification needs the name dialled; JSSE takes it from the socket's peer host.
            try {
                socket.startHandshake();
            } catch (SSLException e) {
                LinkRefusedException r = SessionTls.explain(e, SessionRole.WORKSTATION);
                throw r != null ? r : e;
            }
            InputStream in = input(socket);
            OutputStream out = output(socket);
            codec().write(out, MessageCodec.frame(ownHello(), 0));
            try {
                out.flush();
            } catch (SSLException e) {
                LinkRefusedException r = SessionTls.explain(e, SessionRole.WORKSTATION);
                throw r != null ? r : e;
            }
            SessionMessage reply = readHandshakeMessage(in);
            Refusal bad = checkHello(reply);
            if (bad != null) {
                throw new LinkRefusedException(bad.message());
            }
            Hello peer = (Hello) reply;
            if (!sessionId().equals(peer.sessionId())) {
                throw new LinkRefusedException(SessionMessages.of("link.otherSession", peer.sessionId()));
            }
            return startConnection(socket, in, out, peer);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A dialler for the session's media connection (decision 0007): a second mutual-TLS connection to the terminal's
     * port with the same credentials, opened with a {@link MediaHello} for {@code sessionId}.
     *
     * @param terminalAddress {@code host:port}, as for the link
     */
    public static MediaDialer mediaDialer(SessionTls tls, String terminalAddress, String sessionId) {
        Objects.requireNonNull(tls, "tls");
        MediaHello hello = new MediaHello(sessionId);
        int colon = terminalAddress.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("terminal address must be host:port: " + terminalAddress);
        }
        String host = terminalAddress.substring(0, colon);
        int port = Integer.parseInt(terminalAddress.substring(colon + 1));
        return () -> dialMedia(tls, host, port, hello, LinkConfig.defaults().connectTimeout());
    }

    private static Socket dialMedia(SessionTls tls, String host, int port, MediaHello hello, Duration timeout)
            throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
        try {
            SessionTls.configure(socket, true);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            String refusal;
            try {
                socket.startHandshake();
                hello.write(socket.getOutputStream());
                refusal = MediaHello.readAnswer(socket.getInputStream());
            } catch (java.net.SocketException e) {
                throw droppedAfterHandshake(socket, e);
            } catch (SSLException e) {
                LinkRefusedException r = SessionTls.explain(e, SessionRole.WORKSTATION);
                throw r != null ? r : e;
            }
            if (refusal != null) {
                throw new LinkRefusedException(SessionMessages.of("link.mediaRefusedByTerminal", Message.untranslated(refusal)));
            }
            // Media flows continuously; a silent terminal for this long is a lost connection.
            socket.setSoTimeout(TerminalLink.MEDIA_READ_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * In TLS 1.3 the terminal checks our certificate at the end of the handshake; if it refuses, our last handshake
     * flight or first write may meet a closed socket instead of its alert. Reads the alert if it is there.
     */
    private static IOException droppedAfterHandshake(SSLSocket socket, java.net.SocketException e) {
        try {
            socket.getInputStream().read();
        } catch (SSLException alert) {
            LinkRefusedException r = SessionTls.explain(alert, SessionRole.WORKSTATION);
            if (r != null) {
                r.addSuppressed(e);
                return r;
            }
            e.addSuppressed(alert);
        } catch (IOException other) {
            e.addSuppressed(other);
        }
        return new LinkRefusedException(SessionMessages.of("link.mediaHandshakeDropped"), e);
    }

    @Override
    void stopped() {
        Thread t = dialler;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    void connectionEnded(Connection c, Throwable cause, boolean byPeer) {
        if (!isClosed()) {
            setState(LinkState.LOST, cause == null ? SessionMessages.of("link.terminalClosed") : Localized.messageOf(cause));
        }
    }
}
