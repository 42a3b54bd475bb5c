// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.pki.Pki;

@Timeout(60)
class EnrollmentTest {
    @TempDir
    static Path shared;
    static LinkFixtures home;

    @TempDir
    Path dir;

    @BeforeAll
    static void institution() throws IOException {
        home = new LinkFixtures(shared, "测试市人民检察院");
    }

    @Test
    void codeIsTenCharactersInTwoGroupsAndTheSameOnBothSides() throws Exception {
        KeyPair kp = Pki.newEcKeyPair();
        byte[] csr = TerminalEnrollment.certificationRequest(kp, "t");
        String terminalSide = EnrollmentCode.of(kp.getPublic());
        String workstationSide = EnrollmentCode.of(SessionCa.publicKey(SessionCa.parse(csr)));
        assertThat(terminalSide).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}").isEqualTo(workstationSide);
        assertThat(EnrollmentCode.matches(terminalSide.toLowerCase().replace("-", " "), terminalSide)).isTrue();
        assertThat(EnrollmentCode.of(Pki.newEcKeyPair().getPublic())).isNotEqualTo(terminalSide);
    }

    @Test
    void enrolledTerminalThenConnectsOverMutualTls() throws Exception {
        TerminalEnrollment enrollment = TerminalEnrollment.create("第一看守所 讯问室 2");
        InetSocketAddress at = enrollment.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<EnrolledTerminal> terminalSide = CompletableFuture.supplyAsync(() -> {
            try {
                return enrollment.awaitResult(Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String codeReadOffTheTerminalScreen = enrollment.code();
        X509Certificate issued = WorkstationEnrollment.enroll(home.ca, home.keys.tlsCredential(),
                "127.0.0.1:" + at.getPort(), codeReadOffTheTerminalScreen, "第一看守所 讯问室 2", Duration.ofSeconds(20));
        EnrolledTerminal enrolled = terminalSide.get(20, TimeUnit.SECONDS);
        assertThat(enrolled.credential().certificate()).isEqualTo(issued);
        assertThat(enrolled.root()).isEqualTo(home.keys.rootCertificate());
        assertThat(enrolled.rootCode()).isEqualTo(EnrollmentCode.of(home.keys.rootCertificate().getEncoded()));
        assertThat(enrolled.crl()).isNotNull();

        Path p12 = dir.resolve("terminal.p12");
        enrolled.save(p12, "pin".toCharArray());
        EnrolledTerminal reloaded = EnrolledTerminal.load(p12, "pin".toCharArray(), enrolled.crl());
        try (TerminalLink terminal = new TerminalLink("终端", reloaded.tls(), SessionStore.open(dir.resolve("t.db")),
                null, LinkFixtures.FAST)) {
            int port = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).getPort();
            try (WorkstationLink w = new WorkstationLink("工作站", home.workstationTls(), "127.0.0.1:" + port, "s-e",
                    SessionStore.open(dir.resolve("w.db")), null, LinkFixtures.FAST)) {
                w.start();
                assertThat(w.awaitState(LinkState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            }
        }
    }

    @Test
    void mismatchedCodeIsRefusedOnBothSidesAndNothingIsIssued() throws Exception {
        TerminalEnrollment enrollment = TerminalEnrollment.create("终端");
        InetSocketAddress at = enrollment.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<Throwable> terminalSide = CompletableFuture.supplyAsync(() -> {
            try {
                enrollment.awaitResult(Duration.ofSeconds(20));
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        // The code of a different request: what an attacker's substituted CSR would show.
        String otherCode = EnrollmentCode.of(Pki.newEcKeyPair().getPublic());
        assertThatThrownBy(() -> WorkstationEnrollment.enroll(home.ca, home.keys.tlsCredential(),
                "127.0.0.1:" + at.getPort(), otherCode, "终端", Duration.ofSeconds(20)))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("注册码不符")
                .hasMessageContaining("does not match");
        assertThat(terminalSide.get(20, TimeUnit.SECONDS)).isInstanceOf(LinkRefusedException.class)
                .hasMessageContaining("工作站拒绝了注册").hasMessageContaining("注册码不符");
    }

    @Test
    void requestNotSignedByItsKeyIsRefused() throws Exception {
        byte[] csr = TerminalEnrollment.certificationRequest(Pki.newEcKeyPair(), "t");
        csr[csr.length - 5] ^= 0x5a;
        assertThatThrownBy(() -> home.ca.signTerminalRequest(csr, "t", "127.0.0.1")).isInstanceOf(IOException.class);
    }
}
