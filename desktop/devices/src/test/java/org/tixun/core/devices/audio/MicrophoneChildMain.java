// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.audio;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.media.JavaSoundMicrophone;

/**
 * Test code: runs in a child JVM whose environment points PulseAudio clients at the test's daemon; lists the
 * microphones through {@link Microphones}, opens the chosen one the way production does and writes every captured
 * sample (16-bit little endian) to a file until its standard input closes.
 */
public final class MicrophoneChildMain {
    private MicrophoneChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<DeviceChoice> mics = Microphones.discover();
        for (DeviceChoice c : mics) {
            System.out.println("MIC " + c.id() + "|" + c.label());
        }
        if (mics.isEmpty()) {
            System.out.println("NO-MICROPHONE");
            System.exit(3);
        }
        String chosen = mics.get(0).id();
        try (OutputStream file = Files.newOutputStream(out);
                DataOutputStream pcm = new DataOutputStream(new java.io.BufferedOutputStream(file));
                JavaSoundMicrophone mic = Microphones.open(chosen)) {
            mic.start(chunk -> {
                try {
                    synchronized (pcm) {
                        for (short s : chunk.samples()) {
                            pcm.writeByte(s & 0xff);
                            pcm.writeByte((s >> 8) & 0xff);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println("CAPTURING " + chosen);
            while (System.in.read() >= 0) {
                // Capture until the test closes standard input.
            }
            mic.stop();
            synchronized (pcm) {
                pcm.flush();
            }
            System.out.println("STOPPED " + mic.chunksDelivered());
        }
    }
}
