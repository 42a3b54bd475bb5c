// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.i18n.Localized;
import org.tixun.core.media.MediaHello;
import org.tixun.core.media.MediaSocketAcceptor;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * The terminal end: listens, accepts the workstation (one connection at a time; a new one replaces the old) and
 * opens or resumes the session named in its hello; a restarted terminal resumes its latest session from the store.
 */
public final class TerminalLink extends SessionLink {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalLink.class);
    private final SessionTls tls;
    private volatile SSLServerSocket server;
    private volatile boolean everConnected;
    private volatile MediaSocketAcceptor mediaAcceptor;

    /**
     * A terminal link.
     *
     * @param name the terminal's display name (sent in the hello)
     * @param tls the terminal's TLS context (its enrolled certificate)
     * @param store this terminal's session store
     * @param journal where signature events are persisted before they are sent, or null
     */
    public TerminalLink(String name, SessionTls tls, SessionStore store, SignatureEventJournal journal,
            LinkConfig config) throws IOException {
        super(SessionRole.TERMINAL, name, store, journal, config);
        this.tls = tls;
        var latest = store.latestSession();
        if (latest.isPresent()) {
            bindSession(latest.get());
        }
    }

    /**
     * Starts listening (port 0 picks a free port) and accepting on a link thread.
     *
     * @return the address actually bound
     */
    public InetSocketAddress listen(InetSocketAddress address) throws IOException {
        SSLServerSocket s = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket();
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {SessionTls.PROTOCOL});
        p.setNeedClientAuth(true);
        s.setSSLParameters(p);
        s.setReuseAddress(true);
        s.bind(address, 8);
        server = s;
        setState(LinkState.CONNECTING, SessionMessages.of("link.state.waiting", String.valueOf(s.getLocalSocketAddress())));
        Thread t = new Thread(this::acceptLoop, "tixun-link-acceptor");
        t.setDaemon(true);
        t.start();
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    /**
     * Registers who takes media connections (decision 0007: a second TLS connection to this port whose first bytes
     * are a {@link MediaHello}); null refuses them. A media connection is accepted only for the current session.
     */
    public void setMediaAcceptor(MediaSocketAcceptor acceptor) {
        this.mediaAcceptor = acceptor;
    }

    private void acceptLoop() {
        SSLServerSocket s = server;
        while (!isClosed()) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) s.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.warn("accept failed", e);
                }
                return;
            }
            Thread t = new Thread(() -> admit(socket), "tixun-link-handshake");
            t.setDaemon(true);
            t.start();
        }
    }

    private void admit(SSLSocket socket) {
        try {
            SessionTls.configure(socket, false);
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 1);
            socket.setSoTimeout((int) config().connectTimeout().toMillis());
            try {
                socket.startHandshake();
            } catch (SSLException e) {
                LinkRefusedException r = SessionTls.explain(e, SessionRole.TERMINAL);
                throw r != null ? r : e;
            } catch (java.net.SocketException e) {
                // The workstation may close before its alert is read (broken pipe while we write our flight).
                throw new LinkRefusedException(SessionMessages.of("link.handshakeDropped"), e);
            }
            InputStream in = input(socket);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (MediaHello.isMedia(b0, b1)) {
                admitMedia(socket, in);
                return;
            }
            OutputStream out = output(socket);
            SessionMessage m;
            try {
                m = readHandshakeMessage(in);
            } catch (FrameException e) {
                codec().write(out, MessageCodec.frame(new Refusal("BAD_FRAME", e.getMessage()), 0));
                out.flush();
                throw e;
            }
            Refusal bad = checkHello(m);
            if (bad == null) {
                try {
                    bindSession(((Hello) m).sessionId());
                } catch (IllegalArgumentException e) {
                    bad = new Refusal("SESSION", SessionMessages.of("link.refusal.sessionId").bilingual());
                }
            }
            if (bad != null) {
                codec().write(out, MessageCodec.frame(bad, 0));
                out.flush();
                throw new LinkRefusedException(bad.message());
            }
            codec().write(out, MessageCodec.frame(ownHello(), 0));
            out.flush();
            // Before startConnection: its reader may end the connection (and ask everConnected) at once.
            everConnected = true;
            startConnection(socket, in, out, (Hello) m);
        } catch (LinkRefusedException e) {
            refused(e);
            closeQuietly(socket);
        } catch (IOException | RuntimeException e) {
            LOG.info("terminal: connection attempt failed: {}", e.toString());
            closeQuietly(socket);
        }
    }

    /** A media connection: checks its preamble and session, answers, and hands the socket to the media acceptor. */
    private void admitMedia(SSLSocket socket, InputStream in) throws IOException {
        OutputStream out = socket.getOutputStream();
        MediaHello hello;
        try {
            hello = MediaHello.read(in);
        } catch (IOException e) {
            MediaHello.writeAnswer(out, e.getMessage());
            throw new LinkRefusedException(SessionMessages.of("link.mediaRefused", e), e);
        }
        String current = sessionId();
        MediaSocketAcceptor acceptor = mediaAcceptor;
        String refusal = null;
        if (acceptor == null) {
            refusal = SessionMessages.of("link.refusal.noMedia").bilingual();
        } else if (current == null || !current.equals(hello.sessionId())) {
            refusal = SessionMessages.of("link.refusal.mediaSession", hello.sessionId(), String.valueOf(current)).bilingual();
        }
        MediaHello.writeAnswer(out, refusal);
        if (refusal != null) {
            throw new LinkRefusedException(refusal);
        }
        // Media streams arrive continuously; a silent peer for this long is a lost connection.
        socket.setSoTimeout(MEDIA_READ_TIMEOUT_MILLIS);
        acceptor.accept(socket, in, out, hello.sessionId());
    }

    /** Read timeout on an accepted media connection, milliseconds. */
    static final int MEDIA_READ_TIMEOUT_MILLIS = 5_000;

    private static void closeQuietly(SSLSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("close", e);
        }
    }

    @Override
    void stopped() {
        SSLServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("close", e);
            }
        }
    }

    @Override
    void connectionEnded(Connection c, Throwable cause, boolean byPeer) {
        if (isClosed()) {
            return;
        }
        if (cause != null && cause.getMessage() != null && cause.getMessage().contains("replaced by a new")) {
            return;
        }
        setState(LinkState.LOST, cause == null ? SessionMessages.of("link.workstationClosed") : Localized.messageOf(cause));
        if (everConnected && !isClosed()) {
            setState(LinkState.RECONNECTING, SessionMessages.of("link.state.awaitingReconnect"));
        }
    }
}
