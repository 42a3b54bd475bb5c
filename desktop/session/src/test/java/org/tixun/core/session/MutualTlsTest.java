// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.pki.IssuedCredential;

@Timeout(60)
class MutualTlsTest {
    @TempDir
    static Path dir;
    static LinkFixtures home;
    static LinkFixtures foreign;

    @TempDir
    Path stores;

    @BeforeAll
    static void institutions() throws IOException {
        home = new LinkFixtures(dir, "测试市人民检察院");
        foreign = new LinkFixtures(dir, "别的单位");
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** Collects refusals and states of one end. */
    static final class Recorder implements LinkListener {
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final List<LinkStateEvent> states = new CopyOnWriteArrayList<>();
        final List<SessionMessage> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onRefused(LinkRefusedException refusal) {
            refusals.add(refusal.getMessage());
        }

        @Override
        public void onStateChanged(LinkStateEvent event) {
            states.add(event);
        }

        @Override
        public void onMessage(SessionMessage message) {
            messages.add(message);
        }

        boolean awaitRefusal(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (refusals.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            return !refusals.isEmpty();
        }
    }

    private record Pair(TerminalLink terminal, WorkstationLink workstation, Recorder t, Recorder w)
            implements AutoCloseable {
        @Override
        public void close() {
            workstation.close();
            terminal.close();
        }
    }

    private Pair link(SessionTls terminalTls, SessionTls workstationTls, String dialHost) throws IOException {
        TerminalLink terminal = new TerminalLink("终端", terminalTls, SessionStore.open(stores.resolve("t.db")), null,
                LinkFixtures.FAST);
        Recorder t = new Recorder();
        terminal.addListener(t);
        InetSocketAddress bound = terminal.listen(loopback());
        WorkstationLink workstation = new WorkstationLink("工作站", workstationTls, dialHost + ":" + bound.getPort(),
                "s-1", SessionStore.open(stores.resolve("w.db")), null, LinkFixtures.FAST);
        Recorder w = new Recorder();
        workstation.addListener(w);
        workstation.start();
        return new Pair(terminal, workstation, t, w);
    }

    @Test
    void connectsWithCertificatesOfTheSameInstitutionOverTls13() throws Exception {
        IssuedCredential cred = home.terminalCredential("127.0.0.1");
        try (Pair p = link(home.terminalTls(cred), home.workstationTls(), "127.0.0.1")) {
            assertThat(p.workstation().awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.terminal().awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.terminal().sessionId()).isEqualTo("s-1");
            p.workstation().send(new SigningRequest("rec-1", "ab".repeat(32), List.of(new byte[] {1, 2}),
                    List.of("p1-suspect-sig")));
            assertThat(p.workstation().awaitAcknowledged(Duration.ofSeconds(10))).isTrue();
            assertThat(p.t().messages).singleElement().isInstanceOf(SigningRequest.class);
        }
    }

    @Test
    void negotiatesTls13Only() throws Exception {
        IssuedCredential cred = home.terminalCredential("127.0.0.1");
        SessionTls tls = home.terminalTls(cred);
        try (var server = (javax.net.ssl.SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(0,
                1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (var s = (javax.net.ssl.SSLSocket) server.accept()) {
                    SessionTls.configure(s, false);
                    s.startHandshake();
                } catch (IOException e) {
                    // the client reports
                }
            });
            t.start();
            try (var c = (javax.net.ssl.SSLSocket) home.workstationTls().context().getSocketFactory()
                    .createSocket("127.0.0.1", server.getLocalPort())) {
                SessionTls.configure(c, true);
                c.startHandshake();
                SSLSession session = c.getSession();
                assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
                assertThat(session.getPeerCertificates()).hasSize(2);
            }
            t.join(5000);
        }
    }

    @Test
    void workstationRefusesTerminalFromAnotherInstitutionAndBothSidesSayWhy() throws Exception {
        IssuedCredential stranger = foreign.terminalCredential("127.0.0.1");
        SessionTls terminalTls = SessionTls.create(SessionRole.TERMINAL, stranger, home.keys.rootCertificate(), null);
        try (Pair p = link(terminalTls, home.workstationTls(), "127.0.0.1")) {
            assertThat(p.workstation().awaitState(LinkState.CLOSED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.w().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            assertThat(p.w().refusals).singleElement().asString().contains("终端证书不是本单位签发的，拒绝连接")
                    .contains("not issued by our institution");
            assertThat(p.t().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            // The workstation's alert, or (if it races our own write) a dropped handshake: both say who and why.
            assertThat(p.t().refusals.get(0)).containsAnyOf("工作站不信任本机证书", "工作站中断了 TLS 握手");
            assertThat(p.terminal().state()).isNotEqualTo(LinkState.CONNECTED);
        }
    }

    @Test
    void terminalRefusesWorkstationFromAnotherInstitutionAndBothSidesSayWhy() throws Exception {
        IssuedCredential cred = home.terminalCredential("127.0.0.1");
        SessionTls strangerWorkstation = SessionTls.create(SessionRole.WORKSTATION, foreign.keys.tlsCredential(),
                home.keys.rootCertificate(), null);
        try (Pair p = link(home.terminalTls(cred), strangerWorkstation, "127.0.0.1")) {
            assertThat(p.t().awaitRefusal(Duration.ofSeconds(10))).isTrue();
            assertThat(p.t().refusals.get(0)).contains("工作站证书不是本单位签发的，拒绝连接");
            assertThat(p.workstation().awaitState(LinkState.CLOSED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.w().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            assertThat(p.w().refusals).singleElement().asString().contains("终端不信任本机证书");
        }
    }

    @Test
    void workstationRefusesRevokedTerminal() throws Exception {
        IssuedCredential cred = home.terminalCredential("127.0.0.1");
        home.ca.revoke(cred.certificate());
        try (Pair p = link(home.terminalTls(cred), home.workstationTls(), "127.0.0.1")) {
            assertThat(p.workstation().awaitState(LinkState.CLOSED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.w().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            assertThat(p.w().refusals).singleElement().asString().contains("终端证书已被吊销，拒绝连接");
            assertThat(p.t().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            // Usually the workstation's certificate_revoked alert; if the alert races our own write, a dropped handshake.
            assertThat(p.t().refusals.get(0)).containsAnyOf("工作站报告本机证书已被吊销", "工作站中断了 TLS 握手");
        }
    }

    @Test
    void workstationRefusesTerminalWhoseCertificateNamesAnotherAddress() throws Exception {
        IssuedCredential cred = home.terminalCredential("10.9.8.7");
        try (Pair p = link(home.terminalTls(cred), home.workstationTls(), "127.0.0.1")) {
            assertThat(p.workstation().awaitState(LinkState.CLOSED, Duration.ofSeconds(10))).isTrue();
            assertThat(p.w().awaitRefusal(Duration.ofSeconds(5))).isTrue();
            assertThat(p.w().refusals).singleElement().asString().contains("终端证书中的地址与所连接的地址不符");
        }
    }
}
