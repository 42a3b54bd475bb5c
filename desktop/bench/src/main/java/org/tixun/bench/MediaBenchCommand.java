// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import java.awt.Dimension;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tixun.core.recording.RecordingConfig;
import org.tixun.core.recording.RecordingListener;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.SessionRecorder;
import org.slf4j.LoggerFactory;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.AvReceiver;
import org.tixun.core.media.AvSender;
import org.tixun.core.media.AvSettings;
import org.tixun.core.media.CameraSource;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaCall;
import org.tixun.core.media.MediaClock;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.TerminalMedia;
import org.tixun.sim.ToneSource;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.LoopbackTls;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-av}: glass-to-glass latency (synthetic camera's burned-in capture stamp → decoded picture handed
 * to the display sink on the other side), CPU of the encoder and decoder threads per direction, and frames dropped,
 * for a two-way call over the real mutual-TLS media connection on loopback (both ends in this JVM), beside the bare
 * encoder → TCP → decoder path measured in the same run. Optionally the real master recorder (SessionRecorder, a second x264 encode to
 * fragmented MP4 through a SHA-256 {@link DigestOutputStream}) is attached on the workstation. Exit code 0 when the
 * targets are met (p95 &lt; 60 ms at 640×480, &lt; 80 ms above; no dropped frames; encoder + decoder &lt; 25 % of a
 * core per direction at 640×480), 1 otherwise.
 */
@Command(name = "bench-av", mixinStandardHelpOptions = true,
        description = "Benchmark two-way audio/video over the media connection on loopback (vs bare encode-decode).")
public final class MediaBenchCommand implements Callable<Integer> {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    @Option(names = "--seconds", defaultValue = "600", description = "measured seconds per case")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "unmeasured seconds first")
    int warmupSeconds;

    @Option(names = "--sizes", defaultValue = "640x480,1280x720", split = ",", description = "picture sizes")
    List<String> sizes;

    @Option(names = "--record", description = "attach a recording sink (x264 -> fragmented MP4) on the workstation")
    boolean record;

    @Option(names = "--record-preset", defaultValue = "ultrafast", description = "x264 preset of the recording sink")
    String recordPreset;

    @Option(names = "--no-baseline", description = "skip the bare encode -> TCP -> decode path")
    boolean noBaseline;

    @Spec
    CommandSpec spec;

    private double processShare;
    private long baselineLate;

    public MediaBenchCommand() {
        // picocli instantiates commands reflectively
    }

    /** Runs the benchmark without the {@code tixun} launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new MediaBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        quietLogs();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tixun-bench-av");
        char[] pass = "bench".toCharArray();
        LoopbackTls tls = LoopbackTls.create(dir, "基准测试检察院", pass, "127.0.0.1");
        SessionTls terminalTls = tls.terminal();
        SessionTls workstationTls = tls.workstation();
        out.printf(Locale.ROOT, "bench-av: %d s measured per case after %d s warm-up, 25 fps, synthetic cameras "
                + "(stamped) + 1 kHz tone, both ends in this JVM on loopback, %d CPUs; recording sink: %s%n",
                seconds, warmupSeconds, Runtime.getRuntime().availableProcessors(),
                record ? "SessionRecorder (compose + mix, x264 " + recordPreset + ", chained fMP4 segments)" : "none");
        out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        boolean allMet = true;
        for (String size : sizes) {
            String[] wh = size.trim().split("x");
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            out.printf(Locale.ROOT, "%n%dx%d%s%n", w, h,
                    "                                  p50 ms   p95 ms   max ms  frames  dropped  enc+dec %core");
            Result base = null;
            if (!noBaseline) {
                base = bare(w, h);
                print(out, "bare encode -> TCP -> decode (baseline)", base);
                out.printf(Locale.ROOT, "  whole process (one direction, camera): %.0f %% of a core; capture slots "
                        + "missed: %d%n", processShare * 100, baselineLate);
            }
            Result[] call = call(terminalTls, workstationTls, dir, w, h, out);
            print(out, "call workstation -> terminal, TLS", call[0]);
            print(out, "call terminal -> workstation, TLS", call[1]);
            if (base != null) {
                out.printf(Locale.ROOT, "  ratio call/baseline (W->T): p50 x%.2f, p95 x%.2f, CPU x%.2f%n",
                        call[0].p50() / base.p50(), call[0].p95() / base.p95(), call[0].cpuShare() / base.cpuShare());
            }
            double target = w * h <= 640 * 480 ? 60 : 80;
            boolean met = true;
            for (Result r : call) {
                met &= r.p95() < target && r.dropped() == 0 && (w * h > 640 * 480 || r.cpuShare() < 0.25);
            }
            out.printf(Locale.ROOT, "  targets (p95 < %.0f ms, no dropped frames%s): %s%n", target,
                    w * h <= 640 * 480 ? ", enc+dec < 25 % of a core per direction" : "", met ? "met" : "NOT met");
            allMet &= met;
        }
        out.printf(Locale.ROOT, "%nload average after: %s%n", loadAverage());
        out.flush();
        return allMet ? 0 : 1;
    }

    /**
     * One direction's figures.
     *
     * @param latenciesMicros glass-to-glass latencies, sorted
     * @param frames pictures received in the measured span
     * @param dropped pictures lost in the measured span (gaps in the received frame numbers)
     * @param cpuNanos encoder + decoder thread CPU in the measured span
     * @param wallNanos the measured span
     */
    record Result(long[] latenciesMicros, long frames, long dropped, long cpuNanos, long wallNanos) {
        double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, i))] / 1000.0;
        }

        double p50() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double max() {
            return latenciesMicros.length == 0 ? Double.NaN : latenciesMicros[latenciesMicros.length - 1] / 1000.0;
        }

        double cpuShare() {
            return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
        }
    }

    private static void print(PrintWriter out, String label, Result r) {
        out.printf(Locale.ROOT, "  %-40s %7.1f  %7.1f  %7.1f  %6d  %7d  %8.1f%n", label, r.p50(), r.p95(), r.max(),
                r.frames(), r.dropped(), r.cpuShare() * 100);
        out.flush();
    }

    /** Records latency of remote pictures while measuring, and frame-number gaps. */
    static final class Probe implements MediaSink {
        private final MediaSink next;
        private final List<Long> latencies = new ArrayList<>();
        private volatile boolean measuring;
        private long frames;
        private long gaps;
        private long lastSeq = -1;
        private final java.util.Map<Long, Long> flashArrival = new java.util.HashMap<>();
        private final java.util.Map<Long, Long> beepArrival = new java.util.HashMap<>();

        Probe(MediaSink next) {
            this.next = next;
        }

        @Override
        public void video(Direction direction, VideoFrame frame) {
            if (direction == Direction.REMOTE) {
                long now = MediaClock.nowMicros();
                long latency = now - frame.captureEpochMicros();
                boolean flash = isFlash(frame);
                synchronized (this) {
                    if (measuring) {
                        if (flash) {
                            flashArrival.putIfAbsent(Math.floorDiv(frame.captureEpochMicros(), 1_000_000L), now);
                        }
                        latencies.add(latency);
                        frames++;
                        if (lastSeq >= 0 && frame.sequence() > lastSeq + 1) {
                            gaps += frame.sequence() - lastSeq - 1;
                        }
                    }
                    lastSeq = frame.sequence();
                }
            }
            if (next != null) {
                next.video(direction, frame);
            }
        }

        @Override
        public void audio(Direction direction, AudioChunk chunk) {
            if (direction == Direction.REMOTE) {
                long now = MediaClock.nowMicros();
                int peak = 0;
                int first = -1;
                short[] s = chunk.samples();
                for (int i = 0; i < s.length; i++) {
                    if (Math.abs(s[i]) > 4000 && first < 0) {
                        first = i;
                    }
                    peak = Math.max(peak, Math.abs(s[i]));
                }
                if (first >= 0) {
                    long t = chunk.captureEpochMicros() + first * 1_000_000L / chunk.sampleRate();
                    synchronized (this) {
                        if (measuring) {
                            beepArrival.putIfAbsent(Math.floorDiv(t, 1_000_000L), now);
                        }
                    }
                }
            }
            if (next != null) {
                next.audio(direction, chunk);
            }
        }

        /** The synthetic camera's flash: the lower-left strip is white (checked on a few pixels). */
        private static boolean isFlash(VideoFrame f) {
            java.awt.image.BufferedImage img = f.image();
            int w = img.getWidth();
            int h = img.getHeight();
            long sum = 0;
            int n = 0;
            for (int y = (int) (h * 0.93); y < h - 2; y += 4) {
                for (int x = 2; x < w / 5; x += 8) {
                    int rgb = img.getRGB(x, y);
                    sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                    n += 3;
                }
            }
            return n > 0 && sum > 235L * n;
        }

        /** Per second: when the beep arrived minus when the flash arrived (A/V skew at the display), sorted, ms. */
        synchronized double[] avSkewMillis() {
            return flashArrival.entrySet().stream().filter(e -> beepArrival.containsKey(e.getKey()))
                    .mapToDouble(e -> (beepArrival.get(e.getKey()) - e.getValue()) / 1000.0).sorted().toArray();
        }

        synchronized void measure(boolean on) {
            measuring = on;
        }

        synchronized Result result(long cpuNanos, long wallNanos) {
            long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(l);
            return new Result(l, frames, gaps, cpuNanos, wallNanos);
        }
    }

    /** The bare path: one encoder -> plain loopback TCP -> one decoder, same threads, no TLS, no session. */
    private Result bare(int w, int h) throws Exception {
        Probe probe = new Probe(null);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket a = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket b = server.accept();
                CameraSource cam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:2", new Dimension(w, h), 25);
                ToneSource tone = new ToneSource();
                AvSender sender = new AvSender(a.getOutputStream(), AvSettings.of(w, h));
                AvReceiver receiver = new AvReceiver(b.getInputStream(), probe)) {
            a.setTcpNoDelay(true);
            b.setTcpNoDelay(true);
            receiver.start();
            sender.start();
            cam.start(sender::video);
            tone.start(sender::audio);
            Thread.sleep(warmupSeconds * 1000L);
            long cpu0 = sender.stats().encoderCpuNanos() + receiver.stats().decoderCpuNanos();
            long dropped0 = sender.stats().videoDropped();
            long proc0 = processCpuNanos();
            long late0 = cam.framesLate();
            long t0 = System.nanoTime();
            probe.measure(true);
            Thread.sleep(seconds * 1000L);
            probe.measure(false);
            long wall = System.nanoTime() - t0;
            processShare = (processCpuNanos() - proc0) / (double) wall;
            baselineLate = cam.framesLate() - late0;
            long cpu = sender.stats().encoderCpuNanos() + receiver.stats().decoderCpuNanos() - cpu0;
            Result r = probe.result(cpu, wall);
            cam.stop();
            tone.stop();
            a.close();
            b.close();
            long queueDrops = sender.stats().videoDropped() - dropped0;
            return new Result(r.latenciesMicros(), r.frames(), Math.max(r.dropped(), queueDrops), r.cpuNanos(),
                    r.wallNanos());
        }
    }

    /** A two-way call over the session's media connection; returns {W->T, T->W}. */
    private Result[] call(SessionTls terminalTls, SessionTls workstationTls, Path dir, int w, int h, PrintWriter out)
            throws Exception {
        LinkConfig config = LinkConfig.defaults();
        Path stores = Files.createTempDirectory(dir, "stores");
        Probe atTerminal = new Probe(null);
        try (TerminalLink terminal = new TerminalLink("bench-terminal", terminalTls,
                SessionStore.open(stores.resolve("t.db")), null, config)) {
            InetSocketAddress bound = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String address = "127.0.0.1:" + bound.getPort();
            try (WorkstationLink workstation = new WorkstationLink("bench-workstation", workstationTls, address,
                    "bench-1", SessionStore.open(stores.resolve("w.db")), null, config);
                    RecordingSink recorder = record ? new RecordingSink(dir.resolve("master-" + w + "x" + h),
                            w, h, recordPreset) : null;
                    CameraSource tCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:1", new Dimension(w, h), 25);
                    ToneSource tTone = new ToneSource();
                    CameraSource wCam = org.tixun.sim.SimulatedDevices.openCamera("synthetic:0", new Dimension(w, h), 25);
                    ToneSource wTone = new ToneSource()) {
                workstation.start();
                if (!workstation.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))) {
                    throw new IOException("session link did not connect");
                }
                Probe atWorkstation = new Probe(recorder);
                try (TerminalMedia tm = new TerminalMedia(tCam, tTone, atTerminal, AvSettings.of(w, h), null)) {
                    terminal.setMediaAcceptor(tm);
                    try (MediaCall call = MediaCall.dial(WorkstationLink.mediaDialer(workstationTls, address,
                            "bench-1"), wCam, wTone, atWorkstation, AvSettings.of(w, h), null)) {
                        Thread.sleep(warmupSeconds * 1000L);
                        long wtCpu0 = call.senderStats().encoderCpuNanos() + tm.receiverStats().decoderCpuNanos();
                        long twCpu0 = tm.senderStats().encoderCpuNanos() + call.receiverStats().decoderCpuNanos();
                        long wtDrop0 = call.senderStats().videoDropped();
                        long twDrop0 = tm.senderStats().videoDropped();
                        long recCpu0 = recorder == null ? 0 : recorder.cpuNanos();
                        long late0 = wCam.framesLate() + tCam.framesLate();
                        long proc0 = processCpuNanos();
                        long t0 = System.nanoTime();
                        atTerminal.measure(true);
                        atWorkstation.measure(true);
                        Thread.sleep(seconds * 1000L);
                        atTerminal.measure(false);
                        atWorkstation.measure(false);
                        long wall = System.nanoTime() - t0;
                        long proc = processCpuNanos() - proc0;
                        long late = wCam.framesLate() + tCam.framesLate() - late0;
                        long wtCpu = call.senderStats().encoderCpuNanos() + tm.receiverStats().decoderCpuNanos()
                                - wtCpu0;
                        long twCpu = tm.senderStats().encoderCpuNanos() + call.receiverStats().decoderCpuNanos()
                                - twCpu0;
                        Result wt = atTerminal.result(wtCpu, wall);
                        Result tw = atWorkstation.result(twCpu, wall);
                        long wtDrops = call.senderStats().videoDropped() - wtDrop0;
                        long twDrops = tm.senderStats().videoDropped() - twDrop0;
                        out.printf(Locale.ROOT, "  whole process (both ends, cameras, TLS%s): %.0f %% of a core; "
                                + "capture slots the synthetic cameras missed (overload, not sent): %d%n",
                                recorder == null ? "" : ", recording", proc * 100.0 / wall, late);
                        printSkew(out, "W->T", atTerminal.avSkewMillis());
                        printSkew(out, "T->W", atWorkstation.avSkewMillis());
                        if (recorder != null) {
                            out.printf(Locale.ROOT, "  recording (SessionRecorder): %d frames encoded, %d dropped or "
                                    + "skipped, CPU %.1f %% of a core%n", recorder.written(), recorder.dropped(),
                                    (recorder.cpuNanos() - recCpu0) * 100.0 / wall);
                        }
                        return new Result[] {
                            new Result(wt.latenciesMicros(), wt.frames(), Math.max(wt.dropped(), wtDrops),
                                    wt.cpuNanos(), wall),
                            new Result(tw.latenciesMicros(), tw.frames(), Math.max(tw.dropped(), twDrops),
                                    tw.cpuNanos(), wall)};
                    }
                }
            }
        }
    }

    /**
     * The real master recorder ({@link SessionRecorder}: compose both directions, mix, x264, ~60 s fragmented-MP4
     * segments hashed while written) attached to the workstation's sink, with its thread's CPU time.
     */
    static final class RecordingSink implements MediaSink, AutoCloseable {
        private final SessionRecorder recorder;
        private final String threadName;
        private volatile long lastCpu;

        RecordingSink(Path dir, int w, int h, String preset) throws IOException {
            String sessionId = "bench-" + w + "x" + h;
            recorder = SessionRecorder.start(dir, sessionId, null, "bench",
                    RecordingConfig.hd().withSize(w, h).withPreset(preset), RecordingListener.NONE,
                    java.time.Clock.systemUTC());
            threadName = "tixun-recorder-" + sessionId;
        }

        @Override
        public void video(Direction direction, VideoFrame frame) {
            recorder.video(direction, frame);
        }

        @Override
        public void audio(Direction direction, AudioChunk chunk) {
            recorder.audio(direction, chunk);
        }

        long written() {
            return recorder.stats().framesEncoded();
        }

        long dropped() {
            SessionRecorder.Stats st = recorder.stats();
            return st.videoDropped() + st.framesSkipped();
        }

        long cpuNanos() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(threadName)) {
                    lastCpu = Math.max(lastCpu, MX.getThreadCpuTime(t.getId()));
                }
            }
            return lastCpu;
        }

        @Override
        public void close() throws Exception {
            cpuNanos();
            RecordingManifest m = recorder.finish("bench");
            LoggerFactory.getLogger(MediaBenchCommand.class).info("bench recording: {} segments, chain head {}",
                    m.segments().size(), m.chainHead());
        }
    }

    private static void printSkew(PrintWriter out, String direction, double[] skew) {
        if (skew.length == 0) {
            out.printf(Locale.ROOT, "  A/V sync %s: no second with both flash and beep received%n", direction);
            return;
        }
        out.printf(Locale.ROOT, "  A/V sync %s (beep arrival - flash arrival, per second, %d s): median %+.1f ms, "
                + "min %+.1f, max %+.1f%n", direction, skew.length, skew[skew.length / 2], skew[0],
                skew[skew.length - 1]);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
