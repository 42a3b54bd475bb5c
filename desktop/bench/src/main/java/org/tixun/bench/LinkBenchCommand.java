// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import org.tixun.core.session.MessageType;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.LoggerFactory;
import org.tixun.core.session.Frame;
import org.tixun.core.session.FrameCodec;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LinkListener;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.LinkStateEvent;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.MessageCodec;
import org.tixun.core.session.SessionMessage;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.LoopbackTls;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.SigningRequest;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.WorkstationLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tixun bench-link}: live-record update latency, throughput and reconnect time of the session link over TLS
 * on loopback, beside the same frames over plain TCP measured in the same run.
 */
@Command(name = "bench-link", mixinStandardHelpOptions = true,
        description = "Benchmark the workstation-terminal session link on loopback (TLS vs plain TCP baseline).")
public final class LinkBenchCommand implements Callable<Integer> {
    @Option(names = "--updates", defaultValue = "300", description = "live-record updates timed")
    int updates;

    @Option(names = "--warmup", defaultValue = "100", description = "untimed updates first")
    int warmup;

    @Option(names = "--bulk-mb", defaultValue = "64", description = "megabytes sent for the throughput figures")
    int bulkMb;

    @Option(names = "--drops", defaultValue = "5", description = "connection drops for the reconnect figure")
    int drops;

    @Option(names = "--min-backoff-ms", defaultValue = "200", description = "first reconnect delay")
    long minBackoffMs;

    @Spec
    CommandSpec spec;

    public LinkBenchCommand() {
        // picocli instantiates commands reflectively
    }

    /** Runs the benchmark without the {@code tixun} launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new LinkBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        quietLogs();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tixun-bench-link");
        char[] pass = "bench".toCharArray();
        LoopbackTls tls = LoopbackTls.create(dir, "基准测试检察院", pass, "127.0.0.1");
        SessionTls terminalTls = tls.terminal();
        SessionTls workstationTls = tls.workstation();
        byte[] page = pagePng();
        out.printf(Locale.ROOT, "bench-link: page PNG %d kB, %d updates (+%d warm-up), %d MB bulk, %d drops; "
                + "both ends in this JVM on loopback, %d CPUs%n", page.length / 1024, updates, warmup, bulkMb, drops,
                Runtime.getRuntime().availableProcessors());

        // One untimed pass of each baseline first, so JIT and AES-GCM intrinsics are warm for every row.
        plainTcpLatency(page);
        rawThroughput(null, null, Math.max(1, bulkMb / 4));
        rawThroughput(terminalTls, workstationTls, Math.max(1, bulkMb / 4));
        long[] plainLatency = plainTcpLatency(page);
        double plainThroughput = rawThroughput(null, null, bulkMb);
        double tlsRawThroughput = rawThroughput(terminalTls, workstationTls, bulkMb);

        LinkConfig config = LinkConfig.defaults().withBackoff(Duration.ofMillis(minBackoffMs), Duration.ofSeconds(2));
        try (TerminalLink terminal = new TerminalLink("bench-terminal", terminalTls,
                SessionStore.open(dir.resolve("terminal.db")), null, config)) {
            int port = terminal.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).getPort();
            try (WorkstationLink workstation = new WorkstationLink("bench-workstation", workstationTls,
                    "127.0.0.1:" + port, "bench-" + System.currentTimeMillis(),
                    SessionStore.open(dir.resolve("workstation.db")), null, config)) {
                AtomicReference<CountDownLatch> latch = new AtomicReference<>();
                AtomicLong seen = new AtomicLong(-1);
                AtomicLong bytes = new AtomicLong();
                terminal.addListener(new LinkListener() {
                    @Override
                    public void onMessage(SessionMessage m) {
                        if (m instanceof LiveRecordUpdate u) {
                            seen.set(u.revision());
                            CountDownLatch l = latch.get();
                            if (l != null) {
                                l.countDown();
                            }
                        } else if (m instanceof SigningRequest r) {
                            bytes.addAndGet(r.pagesPng().get(0).length);
                        }
                    }
                });
                List<Long> reconnects = new ArrayList<>();
                AtomicLong lostAt = new AtomicLong();
                workstation.addListener(new LinkListener() {
                    @Override
                    public void onStateChanged(LinkStateEvent e) {
                        if (e.state() == LinkState.LOST) {
                            lostAt.set(System.nanoTime());
                        } else if (e.state() == LinkState.CONNECTED && lostAt.get() != 0) {
                            synchronized (reconnects) {
                                reconnects.add(System.nanoTime() - lostAt.getAndSet(0));
                                reconnects.notifyAll();
                            }
                        }
                    }
                });
                workstation.start();
                if (!workstation.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))) {
                    spec.commandLine().getErr().println("the link did not come up");
                    return 1;
                }
                long[] tlsLatency = new long[updates];
                for (int i = 0; i < warmup + updates; i++) {
                    CountDownLatch l = new CountDownLatch(1);
                    latch.set(l);
                    long t0 = System.nanoTime();
                    workstation.send(new LiveRecordUpdate("bench", i, 1, 20, List.of(page)));
                    if (!l.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("live update " + i + " not delivered");
                    }
                    if (i >= warmup) {
                        tlsLatency[i - warmup] = System.nanoTime() - t0;
                    }
                }
                byte[] mib = new byte[1024 * 1024];
                new java.util.Random(1).nextBytes(mib);
                long t0 = System.nanoTime();
                for (int i = 0; i < bulkMb; i++) {
                    workstation.send(new SigningRequest("bench", "00", List.of(mib), List.of()));
                }
                if (!workstation.awaitAcknowledged(Duration.ofMinutes(5))) {
                    throw new IOException("bulk transfer not acknowledged");
                }
                double linkThroughput = bytes.get() / 1e6 / ((System.nanoTime() - t0) / 1e9);
                for (int i = 0; i < drops; i++) {
                    int before;
                    synchronized (reconnects) {
                        before = reconnects.size();
                    }
                    workstation.dropConnection();
                    synchronized (reconnects) {
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (reconnects.size() == before && System.nanoTime() < end) {
                            reconnects.wait(100);
                        }
                    }
                    Thread.sleep(200);
                }
                java.util.Arrays.sort(plainLatency);
                java.util.Arrays.sort(tlsLatency);
                out.println();
                out.println("live-record update, send -> terminal callback (ms)      p50      p99      max");
                out.printf(Locale.ROOT, "  plain TCP, same frames (baseline)                  %7.2f  %7.2f  %7.2f%n",
                        ms(pct(plainLatency, 50)), ms(pct(plainLatency, 99)), ms(plainLatency[plainLatency.length - 1]));
                out.printf(Locale.ROOT, "  session link, mutual TLS 1.3                       %7.2f  %7.2f  %7.2f%n",
                        ms(pct(tlsLatency, 50)), ms(pct(tlsLatency, 99)), ms(tlsLatency[tlsLatency.length - 1]));
                out.println();
                out.println("throughput, 1 MiB messages (MB/s)");
                out.printf(Locale.ROOT, "  plain TCP, frames only (baseline)                  %7.1f%n", plainThroughput);
                out.printf(Locale.ROOT, "  TLS 1.3, frames only                               %7.1f%n", tlsRawThroughput);
                out.printf(Locale.ROOT, "  session link, reliable (JSON, outbox fsync, acks)  %7.1f%n", linkThroughput);
                out.println();
                List<Long> r;
                synchronized (reconnects) {
                    r = new ArrayList<>(reconnects);
                }
                Collections.sort(r);
                if (r.isEmpty()) {
                    out.println("reconnect: none observed");
                } else {
                    out.printf(Locale.ROOT, "reconnect after a drop (LOST -> CONNECTED, first back-off %d ms): "
                            + "median %.1f ms, max %.1f ms over %d drops%n", minBackoffMs, ms(r.get(r.size() / 2)),
                            ms(r.get(r.size() - 1)), r.size());
                }
            }
        }
        return 0;
    }

    private long[] plainTcpLatency(byte[] page) throws Exception {
        FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicReference<CountDownLatch> latch = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = new java.io.BufferedInputStream(s.getInputStream(),
                        64 * 1024)) {
                    while (true) {
                        MessageCodec.decode(codec.read(in));
                        latch.get().countDown();
                    }
                } catch (IOException e) {
                    // done
                }
            }, "bench-plain-reader");
            reader.setDaemon(true);
            reader.start();
            long[] result = new long[updates];
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setTcpNoDelay(true);
                OutputStream o = new java.io.BufferedOutputStream(s.getOutputStream(), 64 * 1024);
                for (int i = 0; i < warmup + updates; i++) {
                    CountDownLatch l = new CountDownLatch(1);
                    latch.set(l);
                    long t0 = System.nanoTime();
                    codec.write(o, MessageCodec.frame(new LiveRecordUpdate("bench", i, 1, 20, List.of(page)), 0));
                    o.flush();
                    if (!l.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("plain update not delivered");
                    }
                    if (i >= warmup) {
                        result[i - warmup] = System.nanoTime() - t0;
                    }
                }
            }
            return result;
        }
    }

    /** Frames of 1 MiB one way, decoded (not parsed) by the reader; TLS when contexts are given. */
    private double rawThroughput(SessionTls serverTls, SessionTls clientTls, int megabytes) throws Exception {
        FrameCodec codec = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
        byte[] mib = new byte[1024 * 1024];
        new java.util.Random(2).nextBytes(mib);
        Frame frame = new Frame(org.tixun.core.session.MessageType.HEARTBEAT, 0, 0, mib);
        try (ServerSocket server = serverTls == null ? new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
                : serverTls.context().getServerSocketFactory().createServerSocket(0, 1,
                        InetAddress.getLoopbackAddress())) {
            if (server instanceof SSLServerSocket ss) {
                ss.setNeedClientAuth(true);
            }
            CountDownLatch done = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = new java.io.BufferedInputStream(s.getInputStream(),
                        64 * 1024)) {
                    for (int i = 0; i < megabytes; i++) {
                        codec.read(in);
                    }
                    done.countDown();
                } catch (IOException e) {
                    // reported by the timeout
                }
            }, "bench-raw-reader");
            reader.setDaemon(true);
            reader.start();
            Socket s = clientTls == null ? new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())
                    : clientTls.context().getSocketFactory().createSocket("127.0.0.1", server.getLocalPort());
            try (s) {
                if (s instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                }
                OutputStream o = new java.io.BufferedOutputStream(s.getOutputStream(), 64 * 1024);
                long t0 = System.nanoTime();
                for (int i = 0; i < megabytes; i++) {
                    codec.write(o, frame);
                }
                o.flush();
                if (!done.await(2, TimeUnit.MINUTES)) {
                    throw new IOException("raw transfer did not finish");
                }
                return megabytes * (double) mib.length / 1e6 / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** A synthetic A4 page at 100 dpi with lines of text, as the record renderer would send. */
    static byte[] pagePng() throws IOException {
        BufferedImage img = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
        for (int y = 80, i = 0; y < 1100; y += 30, i++) {
            g.drawString("Q" + i + ": The quick brown fox jumps over the lazy dog, line " + i + " of the record.", 70,
                    y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
