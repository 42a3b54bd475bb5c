// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Encoder -> plain loopback TCP -> decoder: frames and audio arrive with their capture times. */
class AvPipeTest {
    @Test
    void framesAndAudioCrossWithTheirStamps() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket a = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket b = server.accept();
                CameraSource cam = CameraSource.open("synthetic:3", new Dimension(640, 480), 25);
                ToneSource tone = new ToneSource();
                AvSender sender = new AvSender(a.getOutputStream(), AvSettings.of(640, 480));
                AvReceiver receiver = new AvReceiver(b.getInputStream(), sink)) {
            a.setTcpNoDelay(true);
            receiver.start();
            sender.start();
            cam.start(sender::video);
            tone.start(sender::audio);
            RecordingSink.await(() -> sink.remoteVideo.size() >= 40 && sink.remoteAudio.size() >= 60, 15_000);
            cam.stop();
            tone.stop();
            assertThat(sink.remoteVideo).hasSizeGreaterThanOrEqualTo(40);
            AvReceiver.Stats rs = receiver.stats();
            assertThat(rs.videoStamped()).isEqualTo(rs.videoReceived());
            // Sequence numbers recovered from the pictures are increasing and capture times plausible.
            long prev = -1;
            for (VideoFrame f : sink.remoteVideo) {
                assertThat(f.sequence()).isGreaterThan(prev);
                prev = f.sequence();
                assertThat(f.captureEpochMicros()).isBetween(MediaClock.nowMicros() - 30_000_000L,
                        MediaClock.nowMicros());
            }
            assertThat(sink.remoteAudio).hasSizeGreaterThanOrEqualTo(60);
            assertThat(sender.stats().videoDropped()).isZero();
            // The decoder blocks on the stream: end it first, as MediaConnection does.
            a.close();
            b.close();
        }
    }
}
