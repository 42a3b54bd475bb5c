// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.sim.ToneSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LoopbackTls;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkRefusedException;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.SessionCa;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionRole;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;

/** Both ends of a call in one JVM over the real mutual-TLS media connection on loopback. */
@Timeout(90)
class MediaCallTest {
    private static final char[] PASS = "test-pass".toCharArray();
    @TempDir
    static Path dir;
    static SessionTls terminalTls;
    static SessionTls workstationTls;
    static SessionTls foreignWorkstationTls;

    @TempDir
    Path stores;
    TerminalLink terminal;
    WorkstationLink workstation;
    String address;
    final List<String> terminalRefusals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void institutions() throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("home"));
        LoopbackTls home = LoopbackTls.create(dir.resolve("home"), "测试市人民检察院", PASS, "127.0.0.1");
        InstitutionKeyStore keys = home.keys();
        terminalTls = home.terminal();
        workstationTls = home.workstation();
        InstitutionKeyStore other = InstitutionKeyStore.create(dir.resolve("other.p12"), PASS, "别的单位");
        SessionCa otherCa = SessionCa.open(dir.resolve("other.p12"), PASS, other, dir.resolve("other-revoked.txt"));
        // A workstation of another institution that (wrongly) trusts our root: our terminal must refuse it.
        foreignWorkstationTls = SessionTls.create(SessionRole.WORKSTATION, other.tlsCredential(),
                keys.rootCertificate(), null);
        otherCa.crl();
    }

    @BeforeEach
    void link() throws Exception {
        LinkConfig config = LinkConfig.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
        terminal = new TerminalLink("终端", terminalTls, SessionStore.open(stores.resolve("t.db")), null, config);
        terminal.addListener(new LinkListener() {
            @Override
            public void onRefused(LinkRefusedException refusal) {
                terminalRefusals.add(refusal.getMessage());
            }

            @Override
            public void onStateChanged(LinkStateEvent event) {
            }

            @Override
            public void onMessage(SessionMessage message) {
            }
        });
        InetSocketAddress bound = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        address = "127.0.0.1:" + bound.getPort();
        workstation = new WorkstationLink("工作站", workstationTls, address, "s-1",
                SessionStore.open(stores.resolve("w.db")), null, config);
        workstation.start();
        assertThat(workstation.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
        assertThat(terminal.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
    }

    @AfterEach
    void unlink() {
        workstation.close();
        terminal.close();
    }

    /** Counts connected/lost reports. */
    static final class Events implements MediaCallListener {
        final List<String> connected = new CopyOnWriteArrayList<>();
        final List<String> lost = new CopyOnWriteArrayList<>();

        @Override
        public void connected(String detail) {
            connected.add(detail);
        }

        @Override
        public void lost(String reason, Throwable cause) {
            lost.add(reason);
        }
    }

    @Test
    void carriesStampedVideoAndAudioBothWaysAndRedials() throws Exception {
        RecordingSink atTerminal = new RecordingSink();
        RecordingSink atWorkstation = new RecordingSink();
        Events terminalEvents = new Events();
        Events workstationEvents = new Events();
        try (CameraSource tCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:1", new Dimension(320, 240), 25);
                ToneSource tTone = new ToneSource();
                CameraSource wCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:0", new Dimension(640, 480), 25);
                ToneSource wTone = new ToneSource();
                TerminalMedia tm = new TerminalMedia(tCam, tTone, atTerminal, AvSettings.of(320, 240),
                        terminalEvents)) {
            terminal.setMediaAcceptor(tm);
            try (MediaCall call = MediaCall.dial(WorkstationLink.mediaDialer(workstationTls, address, "s-1"), wCam,
                    wTone, atWorkstation, AvSettings.of(640, 480), workstationEvents)) {
                RecordingSink.await(() -> atTerminal.remoteVideo.size() >= 40 && atWorkstation.remoteVideo.size() >= 40
                        && atTerminal.remoteAudio.size() >= 160 && atWorkstation.remoteAudio.size() >= 160, 30_000);
                assertThat(workstationEvents.connected).hasSize(1);
                assertThat(terminalEvents.connected).hasSize(1);
                // The terminal got the workstation's 640x480 pictures, the workstation the terminal's 320x240.
                assertThat(atTerminal.remoteVideo).hasSizeGreaterThanOrEqualTo(40)
                        .allSatisfy(f -> assertThat(f.width()).isEqualTo(640));
                assertThat(atWorkstation.remoteVideo).hasSizeGreaterThanOrEqualTo(40)
                        .allSatisfy(f -> assertThat(f.width()).isEqualTo(320));
                assertThat(atWorkstation.localVideo).allSatisfy(f -> assertThat(f.width()).isEqualTo(640));
                // Every picture's stamp was recovered and matches a picture the other side captured.
                assertThat(tm.receiverStats().videoStamped()).isEqualTo(tm.receiverStats().videoReceived());
                assertThat(call.receiverStats().videoStamped()).isEqualTo(call.receiverStats().videoReceived());
                List<Long> captured = atWorkstation.localVideo.stream().map(VideoFrame::captureEpochMicros).toList();
                assertThat(List.copyOf(atTerminal.remoteVideo).subList(0, 20)).allSatisfy(
                        f -> assertThat(captured).contains(f.captureEpochMicros()));
                assertBeepsAtSecondBoundaries(atTerminal);
                assertBeepsAtSecondBoundaries(atWorkstation);
                // The control link is untouched by the media connection.
                assertThat(terminal.state()).isEqualTo(LinkState.CONNECTED);

                // Redial: the terminal's acceptor replaces its connection; media flows again.
                int before = atTerminal.remoteVideo.size();
                call.redial();
                RecordingSink.await(() -> atTerminal.remoteVideo.size() >= before + 25, 20_000);
                assertThat(atTerminal.remoteVideo.size()).isGreaterThanOrEqualTo(before + 25);
                assertThat(workstationEvents.connected).hasSize(2);
                assertThat(workstationEvents.lost).isEmpty();

                // The terminal ends its media: the workstation is told the connection is lost.
                tm.close();
                RecordingSink.await(() -> !workstationEvents.lost.isEmpty(), 15_000);
                assertThat(workstationEvents.lost).isNotEmpty();
                assertThat(call.isConnected()).isFalse();
            }
        }
    }

    /**
     * The last full second of the received audio beeps in its first 100 ms and is quiet in its middle. (The first
     * second may be silence: audio captured before the encoder was ready is not sent, the gap is filled.)
     */
    private static void assertBeepsAtSecondBoundaries(RecordingSink sink) {
        long first = sink.remoteAudio.get(0).captureEpochMicros();
        AudioChunk lastChunk = sink.remoteAudio.get(sink.remoteAudio.size() - 1);
        long last = lastChunk.captureEpochMicros() + lastChunk.durationMicros();
        long second = (last - 800_000) / 1_000_000 * 1_000_000;
        assertThat(second).as("more than a second of audio received").isGreaterThan(first + 1_000_000);
        assertThat(sink.remotePeak(second + 10_000, second + 90_000)).isGreaterThan(4_000);
        assertThat(sink.remotePeak(second + 300_000, second + 700_000)).isLessThan(500);
    }

    @Test
    void privateMuteSendsSilenceButKeepsTheLocalAudioAndReportsTheInterval() throws Exception {
        RecordingSink atTerminal = new RecordingSink();
        RecordingSink atWorkstation = new RecordingSink();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        List<MuteInterval> intervals = new CopyOnWriteArrayList<>();
        try (CameraSource tCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:1", new Dimension(320, 240), 25);
                CameraSource wCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:0", new Dimension(320, 240), 25);
                ToneSource wTone = new ToneSource();
                TerminalMedia tm = new TerminalMedia(tCam, null, atTerminal, AvSettings.of(320, 240), null)) {
            terminal.setMediaAcceptor(tm);
            try (MediaCall call = MediaCall.dial(WorkstationLink.mediaDialer(workstationTls, address, "s-1"), wCam,
                    wTone, atWorkstation, AvSettings.of(320, 240), null)) {
                call.addMuteListener(new MuteListener() {
                    @Override
                    public void muteStarted(Instant start) {
                        starts.add(start);
                    }

                    @Override
                    public void muteEnded(MuteInterval interval) {
                        intervals.add(interval);
                    }
                });
                RecordingSink.await(() -> atTerminal.remoteAudio.size() >= 20, 20_000);
                long mutedFrom = MediaClock.nowMicros();
                call.setPrivateMute(true);
                assertThat(call.isPrivateMute()).isTrue();
                long mutedUntil = mutedFrom + 2_300_000;
                RecordingSink.await(() -> lastRemoteAudioTime(atTerminal) > mutedUntil, 20_000);
                call.setPrivateMute(false);
                assertThat(lastRemoteAudioTime(atTerminal)).isGreaterThan(mutedUntil);
                // Two beeps fell into the muted span: the terminal received silence there ...
                assertThat(atTerminal.remotePeak(mutedFrom + 50_000, mutedUntil)).isLessThan(50);
                // ... while the workstation's own sink had the beeps.
                assertThat(localPeak(atWorkstation, mutedFrom + 50_000, mutedUntil)).isGreaterThan(10_000);
                assertThat(starts).hasSize(1);
                assertThat(intervals).hasSize(1);
                assertThat(intervals.get(0).start()).isEqualTo(starts.get(0));
                assertThat(intervals.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(2300));
                // After unmuting the beep comes through again.
                long unmuted = MediaClock.nowMicros();
                RecordingSink.await(() -> lastRemoteAudioTime(atTerminal) > unmuted + 1_300_000, 20_000);
                assertThat(atTerminal.remotePeak(unmuted + 50_000, unmuted + 1_300_000)).isGreaterThan(4_000);
            }
        }
    }

    private static long lastRemoteAudioTime(RecordingSink s) {
        if (s.remoteAudio.isEmpty()) {
            return 0;
        }
        return s.remoteAudio.get(s.remoteAudio.size() - 1).captureEpochMicros();
    }

    private static int localPeak(RecordingSink s, long from, long to) {
        int peak = 0;
        for (AudioChunk c : s.localAudio) {
            if (c.captureEpochMicros() >= from && c.captureEpochMicros() < to) {
                for (short v : c.samples()) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
        }
        return peak;
    }

    @Test
    void refusesAMediaConnectionForAnotherSession() throws Exception {
        try (CameraSource tCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:1", new Dimension(320, 240), 25);
                TerminalMedia tm = new TerminalMedia(tCam, null, new RecordingSink(), AvSettings.of(320, 240), null)) {
            terminal.setMediaAcceptor(tm);
            assertThatThrownBy(() -> WorkstationLink.mediaDialer(workstationTls, address, "s-2").dial())
                    .isInstanceOf(LinkRefusedException.class)
                    .hasMessageContaining("媒体连接的会话编号 s-2 与终端当前会话 s-1 不符")
                    .hasMessageContaining("s-2");
            RecordingSink.await(() -> !terminalRefusals.isEmpty(), 5_000);
            assertThat(terminalRefusals).anySatisfy(m -> assertThat(m).contains("s-2"));
            assertThat(tm.isConnected()).isFalse();
            assertThat(terminal.state()).isEqualTo(LinkState.CONNECTED);
        }
    }

    @Test
    void refusesAMediaConnectionWhenNoMediaIsRegistered() {
        assertThatThrownBy(() -> WorkstationLink.mediaDialer(workstationTls, address, "s-1").dial())
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("终端未开启音视频");
    }

    @Test
    void refusesAWorkstationCertificateFromAnotherInstitution() throws Exception {
        try (CameraSource tCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:1", new Dimension(320, 240), 25);
                TerminalMedia tm = new TerminalMedia(tCam, null, new RecordingSink(), AvSettings.of(320, 240), null)) {
            terminal.setMediaAcceptor(tm);
            // Twice: whether our side sees the terminal's alert or only its closed socket, it is a refusal.
            for (int k = 0; k < 2; k++) {
                assertThatThrownBy(() -> WorkstationLink.mediaDialer(foreignWorkstationTls, address, "s-1").dial())
                        .isInstanceOf(LinkRefusedException.class).hasMessageContaining("不信任本机证书");
            }
            RecordingSink.await(() -> !terminalRefusals.isEmpty(), 5_000);
            assertThat(terminalRefusals).anySatisfy(m -> assertThat(m).contains("工作站证书不是本单位签发的"));
            assertThat(tm.isConnected()).isFalse();
        }
    }
}
