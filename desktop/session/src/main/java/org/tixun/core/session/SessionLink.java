// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * One end of a session link: the durable outbox and sequence state, the current TLS connection with its reader and
 * writer threads, heartbeats, acknowledgements, de-duplication and state events. {@link WorkstationLink} dials,
 * {@link TerminalLink} listens.
 */
public abstract class SessionLink implements AutoCloseable {
    /** Protocol versions this build speaks (2 adds {@link SessionProgress}). */
    public static final List<Integer> VERSIONS = List.of(1, 2);
    private static final Logger LOG = LoggerFactory.getLogger(SessionLink.class);

    private final SessionRole role;
    private final String name;
    private final SessionStore store;
    private final SignatureEventJournal journal;
    private final LinkConfig config;
    private final FrameCodec codec;
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;

    /** Guards the session id, the pending map, the live slot and the current connection. */
    private final Object lock = new Object();
    private final TreeMap<Long, Frame> pending = new TreeMap<>();
    private String sessionId;
    private Frame latestLive;
    private Connection current;

    private final Object deliveryLock = new Object();
    private long lastReceived;

    private final Object stateLock = new Object();
    private LinkState state = LinkState.CONNECTING;
    private volatile boolean closed;

    SessionLink(SessionRole role, String name, SessionStore store, SignatureEventJournal journal, LinkConfig config) {
        this.role = role;
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.journal = journal;
        this.config = Objects.requireNonNull(config, "config");
        this.codec = new FrameCodec(config.maxPayload());
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tixun-link-events-" + role.name().toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds a listener for state changes, messages and refusals. */
    public void addListener(LinkListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The current state. */
    public LinkState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    /** The current session id, or null on a terminal that has never been dialled. */
    public String sessionId() {
        synchronized (lock) {
            return sessionId;
        }
    }

    /** Our role. */
    public SessionRole role() {
        return role;
    }

    /** The settings in use. */
    public LinkConfig config() {
        return config;
    }

    /** How many reliable messages are stored but not yet acknowledged by the peer. */
    public int unacknowledged() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * Sends a message. Reliable messages (signing request, signature event, abort) are stored durably first (a
     * signature event also in the local {@link SignatureEventJournal}) and delivered exactly once, in order, even
     * across link drops and restarts; this returns once they are on disk, connected or not. A live record update is
     * latest-wins: only the newest unsent one is kept, in memory.
     *
     * @return the sequence number, or 0 for a live update
     * @throws IOException if a reliable message cannot be made durable (nothing was sent)
     */
    public long send(SessionMessage message) throws IOException {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw new LocalizedIOException(SessionMessages.of("link.closed"));
        }
        MessageType type = message.messageType();
        if (type == MessageType.LIVE_RECORD_UPDATE) {
            Frame f = MessageCodec.frame(message, 0);
            synchronized (lock) {
                latestLive = f;
                if (current != null) {
                    current.liveDirty = true;
                }
                lock.notifyAll();
            }
            return 0;
        }
        if (type == MessageType.LIVE_RECORD_SHOWN) {
            // Fire and forget: only meaningful on the current connection; the next one supersedes a lost one.
            Frame f = MessageCodec.frame(message, 0);
            synchronized (lock) {
                if (current != null) {
                    current.control.add(f);
                    lock.notifyAll();
                }
            }
            return 0;
        }
        if (type == MessageType.SESSION_PROGRESS) {
            // Display only, and unknown to a version-1 peer (it would drop the connection on the frame type).
            Frame f = MessageCodec.frame(message, 0);
            synchronized (lock) {
                if (current != null && current.peerVersion >= 2) {
                    current.control.add(f);
                    lock.notifyAll();
                }
            }
            return 0;
        }
        if (!type.reliable()) {
            throw new IllegalArgumentException(type + " is sent by the link itself");
        }
        String sid = sessionId();
        if (sid == null) {
            throw new LocalizedIOException(SessionMessages.of("link.noSession"));
        }
        if (message instanceof SignatureEventMessage sem && journal != null) {
            journal.append(sem.recordId(), sem.event());
        }
        byte[] payload = MessageCodec.encode(message);
        synchronized (lock) {
            long seq = store.enqueue(sid, type, payload);
            pending.put(seq, new Frame(type, Frame.CONTROL, seq, payload));
            lock.notifyAll();
            return seq;
        }
    }

    /** Waits until every reliable message sent so far is acknowledged. */
    public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Waits until the link reaches a state. */
    public boolean awaitState(LinkState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateLock) {
            while (state != wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stateLock, left);
            }
            return true;
        }
    }

    /** Closes the link: says Bye if connected, stops reconnecting; the session stays in the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c;
        synchronized (lock) {
            c = current;
            if (c != null) {
                c.control.add(MessageCodec.frame(new Bye("closed"), 0));
                lock.notifyAll();
            }
        }
        if (c != null) {
            try {
                c.ended.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.end(null, false);
        }
        stopped();
        setState(LinkState.CLOSED, SessionMessages.of("link.state.closed"));
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #close()} was called. */
    protected boolean isClosed() {
        return closed;
    }

    /** Stops the subclass's own threads (dialler or acceptor). */
    abstract void stopped();

    /** Called once when a connection ends, on the thread that noticed. */
    abstract void connectionEnded(Connection connection, Throwable cause, boolean byPeer);

    void setState(LinkState newState, Message reason) {
        LinkStateEvent event;
        synchronized (stateLock) {
            if (state == LinkState.CLOSED && newState != LinkState.CLOSED) {
                return;
            }
            state = newState;
            stateLock.notifyAll();
            event = LinkStateEvent.of(newState, sessionId(), reason, Instant.now());
        }
        LOG.info("{} link {}: {}", role, newState, reason == null ? "" : reason.english());
        dispatch(() -> {
            for (LinkListener l : listeners) {
                l.onStateChanged(event);
            }
        });
    }

    void refused(LinkRefusedException e) {
        LOG.warn("{} link refused: {}", role, e.getMessage());
        dispatch(() -> {
            for (LinkListener l : listeners) {
                l.onRefused(e);
            }
        });
    }

    private void dispatch(Runnable r) {
        try {
            events.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("link listener failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("event after close dropped");
        }
    }

    /** Switches to a session, loading its outbox and receive state from the store. */
    void bindSession(String id) throws IOException {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("session id must be 1-100 ASCII letters, digits, '_', '.', '-': " + id);
        }
        synchronized (lock) {
            if (id.equals(sessionId)) {
                return;
            }
        }
        // Lock order: deliveryLock before lock (as on the reader thread).
        synchronized (deliveryLock) {
            SessionStore.State st = store.session(id, role);
            List<SessionStore.Pending> stored = store.pending(id);
            lastReceived = st.lastReceivedSeq();
            synchronized (lock) {
                pending.clear();
                for (SessionStore.Pending p : stored) {
                    pending.put(p.seq(), new Frame(p.type(), Frame.CONTROL, p.seq(), p.payload()));
                }
                sessionId = id;
                latestLive = null;
            }
        }
    }

    long lastReceived() {
        synchronized (deliveryLock) {
            return lastReceived;
        }
    }

    Hello ownHello() {
        return new Hello(role, VERSIONS, sessionId(), lastReceived(), name);
    }

    FrameCodec codec() {
        return codec;
    }

    /** Reads one frame during the hello exchange, turning TLS alerts into refusals. */
    SessionMessage readHandshakeMessage(InputStream in) throws IOException {
        try {
            Frame f = codec.read(in);
            SessionMessage m = MessageCodec.decode(f);
            if (m instanceof Refusal r) {
                throw new LinkRefusedException(SessionMessages.of("link.peerRefusedSession", role.peer(),
                        Message.untranslated(r.message()), r.code()));
            }
            return m;
        } catch (SSLException e) {
            LinkRefusedException r = SessionTls.explain(e, role);
            throw r != null ? r : e;
        }
    }

    /** Checks the peer's hello and returns the negotiated version. */
    Refusal checkHello(SessionMessage m) {
        if (!(m instanceof Hello h)) {
            return new Refusal("PROTOCOL", SessionMessages.of("link.refusal.expectedHello", m.messageType().name()).bilingual());
        }
        if (h.role() != role.peer()) {
            return new Refusal("ROLE", SessionMessages.of("link.refusal.role", h.role().name()).bilingual());
        }
        if (h.versions().stream().noneMatch(VERSIONS::contains)) {
            return new Refusal("VERSION", SessionMessages.of("link.refusal.version", String.valueOf(h.versions()),
                    String.valueOf(VERSIONS)).bilingual());
        }
        return null;
    }

    /** Starts a connection after a successful hello; the peer has durably received up to {@code peerLastReceived}. */
    Connection startConnection(SSLSocket socket, InputStream in, OutputStream out, Hello peer) throws IOException {
        Connection old;
        synchronized (lock) {
            old = current;
            current = null;
        }
        if (old != null) {
            old.end(new LocalizedIOException(SessionMessages.of("link.replaced")), false);
        }
        String sid = sessionId();
        store.acknowledge(sid, peer.lastReceivedSeq());
        Connection c = new Connection(socket, in, out);
        c.peerVersion = peer.versions().stream().filter(VERSIONS::contains).max(Integer::compare).orElse(1);
        synchronized (lock) {
            pending.headMap(peer.lastReceivedSeq(), true).clear();
            c.nextToTransmit = peer.lastReceivedSeq() + 1;
            c.liveDirty = latestLive != null;
            current = c;
            lock.notifyAll();
        }
        if (closed) {
            // close() ran while we were dialling or greeting and did not see this connection: say Bye ourselves.
            try {
                codec.write(out, MessageCodec.frame(new Bye("closed"), 0));
                out.flush();
            } catch (IOException e) {
                LOG.debug("bye not sent", e);
            }
            c.end(null, false);
            throw new LocalizedIOException(SessionMessages.of("link.closedWhileConnecting"));
        }
        socket.setSoTimeout((int) config.lossTimeout().toMillis());
        c.start(peer.name());
        setState(LinkState.CONNECTED, SessionMessages.of(LinkStateEvent.CONNECTED_KEY, peer.name()));
        return c;
    }

    private void deliver(SessionMessage m) throws IOException {
        for (LinkListener l : listeners) {
            try {
                l.onMessage(m);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new LocalizedIOException(SessionMessages.of("link.listenerFailed", e), e);
            }
        }
    }

    /** One TLS connection with its reader and writer threads. */
    final class Connection {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;
        final ArrayDeque<Frame> control = new ArrayDeque<>();
        final CountDownLatch ended = new CountDownLatch(1);
        long nextToTransmit;
        boolean liveDirty;
        /** The highest protocol version both ends speak. */
        int peerVersion = 1;
        private long ackToSend;
        private long ackSent;
        private boolean done;
        private volatile Throwable cause;

        Connection(SSLSocket socket, InputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        void start(String peerName) {
            Thread reader = new Thread(this::readLoop, "tixun-link-reader-" + peerName);
            Thread writer = new Thread(this::writeLoop, "tixun-link-writer-" + peerName);
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        /** The reason the connection ended, or null while it runs or if closed on purpose. */
        Throwable cause() {
            return cause;
        }

        private Frame nextFrame() {
            Frame f = control.poll();
            if (f != null) {
                return f;
            }
            if (ackToSend > ackSent) {
                ackSent = ackToSend;
                return MessageCodec.frame(new Ack(ackToSend), 0);
            }
            if (liveDirty && latestLive != null) {
                liveDirty = false;
                return latestLive;
            }
            Map.Entry<Long, Frame> e = pending.ceilingEntry(nextToTransmit);
            if (e != null) {
                nextToTransmit = e.getKey() + 1;
                return e.getValue();
            }
            return null;
        }

        private boolean hasMore() {
            return !control.isEmpty() || ackToSend > ackSent || (liveDirty && latestLive != null)
                    || pending.ceilingEntry(nextToTransmit) != null;
        }

        private void writeLoop() {
            long heartbeatNanos = config.heartbeatInterval().toNanos();
            long lastWrite = System.nanoTime();
            try {
                while (true) {
                    Frame next = null;
                    boolean more;
                    synchronized (lock) {
                        while (!done && (next = nextFrame()) == null) {
                            long wait = heartbeatNanos - (System.nanoTime() - lastWrite);
                            if (wait <= 0) {
                                next = MessageCodec.frame(new Heartbeat(System.currentTimeMillis()), 0);
                                break;
                            }
                            TimeUnit.NANOSECONDS.timedWait(lock, wait);
                        }
                        if (done) {
                            return;
                        }
                        more = hasMore();
                    }
                    codec.write(out, next);
                    lastWrite = System.nanoTime();
                    if (next.type() == MessageType.BYE) {
                        out.flush();
                        end(null, false);
                        return;
                    }
                    if (!more) {
                        out.flush();
                    }
                }
            } catch (IOException | RuntimeException e) {
                end(e, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                end(e, false);
            }
        }

        private void readLoop() {
            try {
                while (true) {
                    Frame f = codec.read(in);
                    if (!handle(f)) {
                        end(null, true);
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                end(new LocalizedIOException(SessionMessages.of("link.silent", config.lossTimeout().toMillis()), e), false);
            } catch (FrameException e) {
                refuseQuietly(new Refusal("BAD_FRAME", e.getMessage()));
                end(e, false);
            } catch (IOException e) {
                end(e, false);
            } catch (RuntimeException e) {
                // E.g. a record id the journal refuses: drop the connection (no ack) rather than kill the thread.
                LOG.error("{} link: message could not be processed", role, e);
                end(new LocalizedIOException(SessionMessages.of("link.messageFailed", e), e), false);
            }
        }

        private void refuseQuietly(Refusal refusal) {
            try {
                codec.write(out, MessageCodec.frame(refusal, 0));
                out.flush();
            } catch (IOException | RuntimeException e) {
                LOG.debug("refusal not sent", e);
            }
        }

        /** Handles one frame; false when the peer said Bye. */
        private boolean handle(Frame f) throws IOException {
            switch (f.type()) {
                case HEARTBEAT:
                    return true;
                case BYE:
                    return false;
                case ACK: {
                    Ack a = (Ack) MessageCodec.decode(f);
                    String sid = sessionId();
                    synchronized (lock) {
                        pending.headMap(a.seq(), true).clear();
                        lock.notifyAll();
                    }
                    store.acknowledge(sid, a.seq());
                    return true;
                }
                case REFUSAL: {
                    Refusal r = (Refusal) MessageCodec.decode(f);
                    throw new LinkRefusedException(SessionMessages.of("link.peerDropped", role.peer(),
                            Message.untranslated(r.message()), r.code()));
                }
                case HELLO:
                case ENROLLMENT_REQUEST:
                case ENROLLMENT_RESULT:
                    throw new FrameException(SessionMessages.of("frame.unexpectedInSession", String.valueOf(f.type())));
                case LIVE_RECORD_UPDATE:
                case LIVE_RECORD_SHOWN:
                case SESSION_PROGRESS:
                    deliver(MessageCodec.decode(f));
                    return true;
                default:
                    receiveReliable(f);
                    return true;
            }
        }

        private void receiveReliable(Frame f) throws IOException {
            synchronized (deliveryLock) {
                if (f.seq() > lastReceived + 1) {
                    throw new FrameException(SessionMessages.of("frame.sequenceGap", lastReceived + 1, f.seq()));
                }
                if (f.seq() == lastReceived + 1) {
                    SessionMessage m = MessageCodec.decode(f);
                    if (m instanceof SignatureEventMessage sem && journal != null) {
                        journal.append(sem.recordId(), sem.event());
                    }
                    deliver(m);
                    store.markReceived(sessionId(), f.seq());
                    lastReceived = f.seq();
                }
                long ack = lastReceived;
                synchronized (lock) {
                    ackToSend = Math.max(ackToSend, ack);
                    lock.notifyAll();
                }
            }
        }

        /** Ends the connection once; {@code cause} null means closed on purpose. */
        void end(Throwable why, boolean byPeer) {
            synchronized (lock) {
                if (done) {
                    return;
                }
                done = true;
                cause = why;
                if (current == this) {
                    current = null;
                }
                lock.notifyAll();
            }
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("close", e);
            }
            ended.countDown();
            if (why != null && !(why instanceof EOFException)) {
                LOG.info("{} connection ended: {}", role, why.toString());
            }
            connectionEnded(this, why, byPeer);
        }
    }

    /** Wraps a socket's streams with buffers sized for page images. */
    static InputStream input(SSLSocket s) throws IOException {
        return new BufferedInputStream(s.getInputStream(), 64 * 1024);
    }

    static OutputStream output(SSLSocket s) throws IOException {
        return new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
    }
}
