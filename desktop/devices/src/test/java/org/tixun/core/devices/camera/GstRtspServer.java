// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.camera;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tixun.core.devices.ChildProcess;

/**
 * Test code: a real RTSP server on loopback, GStreamer's gst-rtsp-server from Debian driven by {@code
 * rtsp-server.py}, streaming a clip with RTP interleaved on TCP only. (VLC's RTSP server answers 461 to TCP
 * transport and live555's {@code livemedia-utils} is not in Debian bookworm.)
 */
public final class GstRtspServer implements AutoCloseable {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path clip;
    private final int port;
    private ChildProcess server;

    /** A server for {@code clip} (an MP4 from {@link TestClip}) on loopback {@code port}; {@link #start()} starts it. */
    public GstRtspServer(Path clip, int port) {
        this.clip = clip;
        this.port = port;
    }

    /** Aborts the test with the reason if gst-rtsp-server's Python bindings are not installed. */
    public static void assumeInstalled() throws IOException, InterruptedException {
        boolean ok = false;
        if (Files.isExecutable(PYTHON)) {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import gi; gi.require_version('GstRtspServer', "
                    + "'1.0'); from gi.repository import GstRtspServer").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        Assumptions.assumeTrue(ok, "GStreamer's RTSP server (Debian python3-gi, gir1.2-gst-rtsp-server-1.0, "
                + "gstreamer1.0-plugins-good) is not installed: run .ci/install-deps.sh");
    }

    /** rtsp://127.0.0.1:PORT/cam */
    public String url() {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    /** Starts the server and waits until it listens. */
    public void start() throws IOException, InterruptedException {
        Path script = clip.resolveSibling("rtsp-server.py");
        if (!Files.exists(script)) {
            try (InputStream in = GstRtspServer.class.getResourceAsStream("rtsp-server.py")) {
                Files.write(script, in.readAllBytes());
            }
        }
        server = ChildProcess.start("rtsp-server", List.of(PYTHON.toString(), script.toString(), clip.toString(),
                Integer.toString(port)), Map.of(), clip.getParent());
        server.await("READY", 20_000);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("RTSP server did not accept connections on " + port + ": "
                + String.join("\n", server.lines()));
    }

    /** Stops the server (the stream ends as a camera losing power would). */
    public void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
