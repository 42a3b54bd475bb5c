// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import org.tixun.sim.ToneSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
                CameraSource cam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:3", new Dimension(640, 480), 25);
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

    @Test
    void picturesWithoutAStampGetTheirCaptureTimeInBandWithinAFramePeriod() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket a = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket b = server.accept();
                AvSender sender = new AvSender(a.getOutputStream(), AvSettings.of(320, 240));
                AvReceiver receiver = new AvReceiver(b.getInputStream(), sink)) {
            receiver.start();
            sender.start();
            assertThat(sender.awaitReady(10_000)).isTrue();
            long start = MediaClock.nowMicros();
            long[] sent = new long[30];
            for (int i = 0; i < sent.length; i++) {
                // Capture times as a real camera would give them: about 40 ms apart, with some jitter.
                sent[i] = start + i * 40_000L + (i % 3 - 1) * 6_000L;
                BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(i * 8, 100, 200 - i * 5));
                g.fillRect(0, 0, 320, 240);
                g.dispose();
                sender.video(new VideoFrame(img, sent[i], i));
            }
            // Fewer pictures than a GOP: the first key frame must not be lost to stream probing.
            RecordingSink.await(() -> sink.remoteVideo.size() >= sent.length, 15_000);
            a.close();
            b.close();
            assertThat(sink.remoteVideo).hasSize(sent.length);
            assertThat(receiver.stats().videoStamped()).isZero();
            for (int i = 0; i < sent.length; i++) {
                // NUT carries video time stamps in frame periods (1/25 s): rounded to a slot, or the next free slot
                // when jitter puts two pictures in one, so within one period; plus up to the AAC encoder delay
                // (1024 samples = 21.3 ms), by which the stream's start time can move (seen: +48 ms in 1 of 3 runs).
                assertThat(sink.remoteVideo.get(i).captureEpochMicros()).isBetween(sent[i] - 62_000, sent[i] + 62_000);
            }
        }
    }
}
