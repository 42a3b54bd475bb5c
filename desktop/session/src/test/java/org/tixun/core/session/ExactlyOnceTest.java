// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.pki.IssuedCredential;

@Timeout(90)
class ExactlyOnceTest {
    @TempDir
    static Path shared;
    static LinkFixtures home;
    static IssuedCredential terminalCredential;

    @TempDir
    Path dir;

    @BeforeAll
    static void institution() throws IOException {
        home = new LinkFixtures(shared, "测试市人民检察院");
        terminalCredential = home.terminalCredential("127.0.0.1");
    }

    /** Records event ids delivered to the workstation, in order. */
    static final class Received implements LinkListener {
        final List<String> ids = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(SessionMessage message) {
            if (message instanceof SignatureEventMessage sem) {
                ids.add(sem.event().eventId());
            }
        }

        void awaitCount(int n, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (ids.size() < n && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        }
    }

    private static List<String> expectedIds(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("ev-%04d", i));
        }
        return out;
    }

    @Test
    void deliversEverySignatureEventOnceAndInOrderAcrossLinkDrops() throws Exception {
        int n = 200;
        SignatureEventJournal terminalJournal = new SignatureEventJournal(dir.resolve("t-journal"));
        SignatureEventJournal workstationJournal = new SignatureEventJournal(dir.resolve("w-journal"));
        try (TerminalLink terminal = new TerminalLink("终端", home.terminalTls(terminalCredential),
                SessionStore.open(dir.resolve("t.db")), terminalJournal, LinkFixtures.FAST)) {
            InetSocketAddress bound = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (TcpProxy proxy = new TcpProxy(bound.getPort());
                    WorkstationLink workstation = new WorkstationLink("工作站", home.workstationTls(),
                            "127.0.0.1:" + proxy.port(), "s-drop", SessionStore.open(dir.resolve("w.db")),
                            workstationJournal, LinkFixtures.FAST)) {
                Received received = new Received();
                workstation.addListener(received);
                List<LinkState> states = new CopyOnWriteArrayList<>();
                workstation.addListener(new LinkListener() {
                    @Override
                    public void onStateChanged(LinkStateEvent event) {
                        states.add(event.state());
                    }
                });
                workstation.start();
                assertThat(terminal.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
                Thread sender = new Thread(() -> {
                    try {
                        for (int i = 0; i < n; i++) {
                            terminal.send(new SignatureEventMessage("rec-1", LinkFixtures.event(i)));
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                sender.start();
                for (int cut : new int[] {40, 110, 170}) {
                    received.awaitCount(cut, Duration.ofSeconds(30));
                    proxy.kill();
                    Thread.sleep(300);
                    proxy.restart();
                }
                sender.join(60_000);
                assertThat(terminal.awaitAcknowledged(Duration.ofSeconds(60))).isTrue();
                assertThat(received.ids).containsExactlyElementsOf(expectedIds(n));
                assertThat(states).contains(LinkState.LOST, LinkState.RECONNECTING);
                List<SignatureEvent> journaled = workstationJournal.load("rec-1");
                assertThat(journaled).hasSize(n);
                assertThat(terminalJournal.load("rec-1")).hasSize(n);
                assertThat(workstation.state()).isEqualTo(LinkState.CONNECTED);
            }
        }
    }

    @Test
    void restartedReceiverResumesFromItsStoreWithoutDuplicates() throws Exception {
        int n = 60;
        Path wdb = dir.resolve("w.db");
        SignatureEventJournal workstationJournal = new SignatureEventJournal(dir.resolve("w-journal"));
        List<String> all = new CopyOnWriteArrayList<>();
        try (TerminalLink terminal = new TerminalLink("终端", home.terminalTls(terminalCredential),
                SessionStore.open(dir.resolve("t.db")), null, LinkFixtures.FAST)) {
            InetSocketAddress bound = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String address = "127.0.0.1:" + bound.getPort();
            Received first = new Received();
            SessionStore firstStore = SessionStore.open(wdb);
            WorkstationLink w1 = new WorkstationLink("工作站", home.workstationTls(), address, "s-restart", firstStore,
                    workstationJournal, LinkFixtures.FAST);
            w1.addListener(first);
            w1.start();
            assertThat(terminal.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            for (int i = 0; i < n / 2; i++) {
                terminal.send(new SignatureEventMessage("rec-2", LinkFixtures.event(i)));
            }
            first.awaitCount(n / 2, Duration.ofSeconds(30));
            w1.close();
            firstStore.close();
            all.addAll(first.ids);
            for (int i = n / 2; i < n; i++) {
                terminal.send(new SignatureEventMessage("rec-2", LinkFixtures.event(i)));
            }
            try (SessionStore secondStore = SessionStore.open(wdb);
                    WorkstationLink w2 = new WorkstationLink("工作站", home.workstationTls(), address, "s-restart",
                            secondStore, workstationJournal, LinkFixtures.FAST)) {
                Received second = new Received();
                w2.addListener(second);
                w2.start();
                assertThat(terminal.awaitAcknowledged(Duration.ofSeconds(30))).isTrue();
                all.addAll(second.ids);
            }
        }
        assertThat(all).containsExactlyElementsOf(expectedIds(n));
        assertThat(workstationJournal.load("rec-2")).hasSize(n);
    }

    @Test
    void restartedSenderResendsItsUnacknowledgedOutbox() throws Exception {
        Path tdb = dir.resolve("t.db");
        Received received = new Received();
        int port;
        try (TerminalLink t1 = new TerminalLink("终端", home.terminalTls(terminalCredential), SessionStore.open(tdb),
                null, LinkFixtures.FAST)) {
            port = t1.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).getPort();
            try (WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(), "127.0.0.1:" + port, "s-out",
                    SessionStore.open(dir.resolve("w.db")), null, LinkFixtures.FAST)) {
                w.start();
                assertThat(t1.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            }
            assertThat(t1.awaitState(LinkState.RECONNECTING, Duration.ofSeconds(10))).isTrue();
            for (int i = 0; i < 5; i++) {
                t1.send(new SignatureEventMessage("rec-3", LinkFixtures.event(i)));
            }
            assertThat(t1.unacknowledged()).isEqualTo(5);
        }
        try (TerminalLink t2 = new TerminalLink("终端", home.terminalTls(terminalCredential), SessionStore.open(tdb),
                null, LinkFixtures.FAST)) {
            assertThat(t2.sessionId()).isEqualTo("s-out");
            assertThat(t2.unacknowledged()).isEqualTo(5);
            t2.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(), "127.0.0.1:" + port, "s-out",
                    SessionStore.open(dir.resolve("w.db")), null, LinkFixtures.FAST)) {
                w.addListener(received);
                w.start();
                assertThat(t2.awaitAcknowledged(Duration.ofSeconds(20))).isTrue();
            }
        }
        assertThat(received.ids).containsExactlyElementsOf(expectedIds(5));
    }

    @Test
    void receiverDropsRepeatedSequenceNumbersAndAcknowledgesThem() throws Exception {
        SessionTls tls = home.terminalTls(terminalCredential);
        try (SSLServerSocket server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(),
                        "127.0.0.1:" + server.getLocalPort(), "s-dup", SessionStore.open(dir.resolve("w.db")), null,
                        LinkFixtures.FAST)) {
            Received received = new Received();
            w.addListener(received);
            w.start();
            try (SSLSocket s = (SSLSocket) server.accept()) {
                SessionTls.configure(s, false);
                FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                Hello hello = (Hello) MessageCodec.decode(codec.read(in));
                assertThat(hello.sessionId()).isEqualTo("s-dup");
                codec.write(out, MessageCodec.frame(new Hello(SessionRole.TERMINAL, List.of(1), "s-dup", 0, "raw"), 0));
                for (long seq : new long[] {1, 2, 1, 2, 3}) {
                    codec.write(out, MessageCodec.frame(
                            new SignatureEventMessage("rec-4", LinkFixtures.event((int) seq - 1)), seq));
                }
                out.flush();
                long acked = 0;
                s.setSoTimeout(5000);
                while (acked < 3) {
                    Frame f = codec.read(in);
                    if (f.type() == MessageType.ACK) {
                        acked = ((Ack) MessageCodec.decode(f)).seq();
                    }
                }
                assertThat(acked).isEqualTo(3);
            }
            assertThat(received.ids).containsExactly("ev-0000", "ev-0001", "ev-0002");
        }
    }

    @Test
    void messageTheReceiverCannotStoreIsNeitherAcknowledgedNorFatal() throws Exception {
        try (TerminalLink terminal = new TerminalLink("终端", home.terminalTls(terminalCredential),
                SessionStore.open(dir.resolve("t.db")), null, LinkFixtures.FAST)) {
            int port = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).getPort();
            try (WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(), "127.0.0.1:" + port, "s-bad",
                    SessionStore.open(dir.resolve("w.db")), new SignatureEventJournal(dir.resolve("w-journal")),
                    LinkFixtures.FAST)) {
                List<LinkState> states = new CopyOnWriteArrayList<>();
                w.addListener(new LinkListener() {
                    @Override
                    public void onStateChanged(LinkStateEvent event) {
                        states.add(event.state());
                    }
                });
                w.start();
                assertThat(terminal.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
                // A record id the workstation's journal refuses (path characters).
                terminal.send(new SignatureEventMessage("../escape", LinkFixtures.event(0)));
                // The workstation drops the link rather than acknowledge what it could not store.
                org.tixun.core.Eventually.await("the workstation dropped the link", Duration.ofSeconds(30),
                        () -> states.contains(LinkState.LOST), () -> states);
                assertThat(terminal.unacknowledged()).isEqualTo(1);
                assertThat(states).contains(LinkState.LOST);
                assertThat(w.state()).isIn(LinkState.CONNECTED, LinkState.RECONNECTING, LinkState.LOST);
            }
        }
    }

    @Test
    void terminalSurvivesGarbageAndStillAcceptsTheWorkstation() throws Exception {
        try (TerminalLink terminal = new TerminalLink("终端", home.terminalTls(terminalCredential),
                SessionStore.open(dir.resolve("t.db")), null, LinkFixtures.FAST)) {
            InetSocketAddress bound = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (java.net.Socket plain = new java.net.Socket(InetAddress.getLoopbackAddress(), bound.getPort())) {
                plain.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
                plain.getOutputStream().flush();
                plain.setSoTimeout(5000);
                assertThat(plain.getInputStream().read(new byte[256])).isNotZero();
            }
            // A client with a valid certificate that sends garbage frames after TLS gets a refusal frame.
            SessionTls wtls = home.workstationTls();
            try (SSLSocket s = (SSLSocket) wtls.context().getSocketFactory().createSocket("127.0.0.1",
                    bound.getPort())) {
                SessionTls.configure(s, true);
                s.setSoTimeout(5000);
                s.getOutputStream().write(new byte[] {'T', 'X', 1, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
                s.getOutputStream().flush();
                Frame f = new FrameCodec(1024).read(s.getInputStream());
                assertThat(f.type()).isEqualTo(MessageType.REFUSAL);
                assertThat(((Refusal) MessageCodec.decode(f)).message()).contains("unknown frame type 99");
            }
            try (WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(),
                    "127.0.0.1:" + bound.getPort(), "s-g", SessionStore.open(dir.resolve("w.db")), null,
                    LinkFixtures.FAST)) {
                w.start();
                assertThat(w.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            }
        }
    }

    @Test
    void declaresTheLinkLostWhenThePeerGoesSilent() throws Exception {
        SessionTls tls = home.terminalTls(terminalCredential);
        try (SSLServerSocket server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(),
                        "127.0.0.1:" + server.getLocalPort(), "s-silent", SessionStore.open(dir.resolve("w.db")), null,
                        LinkFixtures.FAST)) {
            List<LinkStateEvent> states = new CopyOnWriteArrayList<>();
            w.addListener(new LinkListener() {
                @Override
                public void onStateChanged(LinkStateEvent event) {
                    states.add(event);
                }
            });
            w.start();
            try (SSLSocket s = (SSLSocket) server.accept()) {
                SessionTls.configure(s, false);
                FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
                codec.read(s.getInputStream());
                codec.write(s.getOutputStream(),
                        MessageCodec.frame(new Hello(SessionRole.TERMINAL, List.of(1), "s-silent", 0, "mute"), 0));
                s.getOutputStream().flush();
                assertThat(w.awaitState(LinkState.CONNECTED, Duration.ofSeconds(5))).isTrue();
                long t0 = System.nanoTime();
                while (states.stream().noneMatch(e -> e.state() == LinkState.LOST)
                        && System.nanoTime() - t0 < 5_000_000_000L) {
                    Thread.sleep(5);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(ms).isBetween(800L, 3000L);
            }
            Thread.sleep(100);
            assertThat(states).anySatisfy(e -> assertThat(e.detail()).contains("nothing heard for 1200 ms"));
        }
    }
}
