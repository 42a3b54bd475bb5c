// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.tixun.signpad.PadOptions;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.SignaturePad;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.decode.StreamDecoder;
import org.tixun.signpad.evdev.EvdevDecoder;
import org.tixun.signpad.evdev.EvdevEncoder;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.isdv4.Isdv4Decoder;
import org.tixun.signpad.isdv4.Isdv4Encoder;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.pads.Pads;
import org.tixun.signpad.protocol4.Protocol4;
import org.tixun.signpad.protocol4.Protocol4Decoder;
import org.tixun.signpad.protocol4.Protocol4Encoder;
import org.tixun.signpad.serial.PtyPair;
import org.tixun.signpad.sim.SignatureSynth;
import org.tixun.signpad.sim.SimulatedPad;
import org.tixun.signpad.stu.StuReportDecoder;
import org.tixun.signpad.stu.StuReportEncoder;
import org.tixun.signpad.topaz.TopazDecoder;
import org.tixun.signpad.topaz.TopazEncoder;

/** Measures decoder throughput on one thread and byte-to-listener latency through a real pty. */
public final class PadBenchmark {

    /** Above every supported pad: ISDV4 is line-bound at about 426/s, STU sends 200/s, USB pens up to about 300/s. */
    public static final double FASTEST_PAD_RATE = 500;
    public static final double DECODE_TARGET_RATIO = 1000;
    public static final double LATENCY_TARGET_P99_MS = 2.0;

    private static final int SAMPLES = 100_000;

    private PadBenchmark() {
    }

    /** Result of one decode run. */
    public record DecodeResult(PadProtocol protocol, double samplesPerSecond) {

        public double ratio() {
            return samplesPerSecond / FASTEST_PAD_RATE;
        }
    }

    /** Result of the pty latency run, in milliseconds. */
    public record LatencyResult(int sent, int received, double rateHz, double p50, double p99, double max,
            double readP50, double readP99, double readMax) {
    }

    /** Decodes a pre-encoded stream of {@value #SAMPLES} samples repeatedly for {@code duration}. */
    public static DecodeResult decode(PadProtocol protocol, Duration duration) {
        List<DecodedPen> pens = pens(protocol);
        AtomicInteger count = new AtomicInteger();
        PenSink sink = p -> count.incrementAndGet();
        Runnable pass;
        if (protocol == PadProtocol.STU) {
            List<byte[]> reports = new ArrayList<>();
            for (int i = 0; i < pens.size(); i++) {
                reports.add(StuReportEncoder.penDataTimeCountSequence(pens.get(i), i * 5, i));
            }
            pass = () -> {
                StuReportDecoder d = new StuReportDecoder();
                long host = 0;
                for (byte[] r : reports) {
                    d.report(r, 0, r.length, host += 5_000_000L, sink);
                }
            };
        } else {
            byte[] stream = encode(protocol, pens);
            pass = () -> {
                StreamDecoder d = decoder(protocol);
                // Feed in 64-byte reads, like a serial driver delivers them.
                for (int off = 0; off < stream.length; off += 64) {
                    d.feed(stream, off, Math.min(64, stream.length - off), sink);
                }
            };
        }
        long warm = System.nanoTime() + duration.toNanos() / 4;
        while (System.nanoTime() < warm) {
            pass.run();
        }
        count.set(0);
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        long t;
        do {
            pass.run();
            t = System.nanoTime();
        } while (t < end);
        return new DecodeResult(protocol, count.get() / ((t - t0) / 1e9));
    }

    /** Replays {@code samples} ISDV4 samples at {@code rateHz} through a socat pty into a real pad and times them. */
    public static LatencyResult ptyLatency(int samples, double rateHz) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pad-bench");
        List<InkPoint> sig = SignatureSynth.signature("王丰", 1);
        List<InkPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            points.add(sig.get(i % sig.size()));
        }
        long[] received = new long[samples];
        long[] arrived = new long[samples];
        AtomicInteger n = new AtomicInteger();
        try (PtyPair pty = PtyPair.start(dir.resolve("dev"), dir.resolve("host"));
                SimulatedPad sim = new SimulatedPad(PadProtocol.ISDV4, pty.deviceEnd(), points, rateHz)) {
            sim.start();
            try (SignaturePad pad = Pads.create(PadProtocol.ISDV4, pty.hostEnd().toString(),
                    PadOptions.defaults().withStopSettle(Duration.ofMillis(30)))) {
                pad.addSampleListener(s -> {
                    long now = System.nanoTime();
                    int i = (int) s.sequence();
                    if (i < received.length) {
                        received[i] = now;
                        arrived[i] = s.arrivalNanos();
                    }
                    n.incrementAndGet();
                });
                pad.open();
                pad.start();
                sim.awaitFinished(Duration.ofMillis((long) (samples * 1000 / rateHz) + 10_000));
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (n.get() < samples && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            long[] sent = sim.sentNanos();
            int got = Math.min(n.get(), samples);
            double[] lat = new double[got];
            double[] inDriver = new double[got];
            for (int i = 0; i < got; i++) {
                lat[i] = (received[i] - sent[i]) / 1e6;
                inDriver[i] = (received[i] - arrived[i]) / 1e6;
            }
            Arrays.sort(lat);
            Arrays.sort(inDriver);
            return new LatencyResult(sim.sentCount(), n.get(), rateHz, pct(lat, 0.50), pct(lat, 0.99),
                    got == 0 ? Double.NaN : lat[got - 1], pct(inDriver, 0.50), pct(inDriver, 0.99),
                    got == 0 ? Double.NaN : inDriver[got - 1]);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static List<DecodedPen> pens(PadProtocol protocol) {
        Random r = new Random(42);
        List<DecodedPen> out = new ArrayList<>(SAMPLES);
        int maxXy = protocol == PadProtocol.TOPAZ ? 4095 : 30000;
        int maxP = protocol == PadProtocol.PROTOCOL4 ? 255 : 1023;
        for (int i = 0; i < SAMPLES; i++) {
            boolean contact = i % 200 < 160;
            out.add(DecodedPen.of(r.nextInt(maxXy), r.nextInt(maxXy), contact ? r.nextInt(maxP) : 0,
                    contact ? PenState.CONTACT : PenState.HOVER));
        }
        return out;
    }

    private static byte[] encode(PadProtocol protocol, List<DecodedPen> pens) {
        if (protocol == PadProtocol.EVDEV) {
            EvdevEncoder e = new EvdevEncoder();
            long t = 1_000_000;
            for (DecodedPen p : pens) {
                e.pen(p, t += 5000);
            }
            return e.toByteArray();
        }
        int len = switch (protocol) {
            case ISDV4 -> 9;
            case PROTOCOL4 -> 7;
            default -> 5;
        };
        byte[] out = new byte[pens.size() * len];
        Protocol4Encoder p4 = new Protocol4Encoder(Protocol4.DEFAULT_EXTRA_PRESSURE_BITS);
        for (int i = 0; i < pens.size(); i++) {
            switch (protocol) {
                case ISDV4 -> Isdv4Encoder.pen(pens.get(i), out, i * len);
                case PROTOCOL4 -> p4.pen(pens.get(i), out, i * len);
                default -> TopazEncoder.pen(pens.get(i), out, i * len);
            }
        }
        return out;
    }

    private static StreamDecoder decoder(PadProtocol protocol) {
        return switch (protocol) {
            case ISDV4 -> new Isdv4Decoder();
            case PROTOCOL4 -> new Protocol4Decoder(Protocol4.DEFAULT_EXTRA_PRESSURE_BITS);
            case TOPAZ -> new TopazDecoder();
            case EVDEV -> new EvdevDecoder(null);
            case STU -> throw new IllegalArgumentException("STU is report based");
        };
    }
}
