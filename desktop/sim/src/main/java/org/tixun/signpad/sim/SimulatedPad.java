// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.sim;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.signpad.PadException;
import org.tixun.signpad.PadProtocol;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.ink.InkPoint;
import org.tixun.signpad.isdv4.Isdv4;
import org.tixun.signpad.isdv4.Isdv4Capabilities;
import org.tixun.signpad.isdv4.Isdv4Encoder;
import org.tixun.signpad.model.PenState;
import org.tixun.signpad.protocol4.Protocol4;
import org.tixun.signpad.protocol4.Protocol4Encoder;
import org.tixun.signpad.topaz.Topaz;
import org.tixun.signpad.topaz.TopazEncoder;

/**
 * A serial pad played by software: replays recorded strokes in real time as ISDV4, Protocol IV or Topaz bytes
 * into one end of a pty pair and answers the host's commands as the real device would.
 */
public final class SimulatedPad implements AutoCloseable {

    // ISDV4 and Protocol IV replay only while the host has started the pad (stop pauses, start resumes
    // where it left off); Topaz has no commands, so replay begins with #play().

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPad.class);

    private final PadProtocol protocol;
    private final Path devicePath;
    private final List<InkPoint> points;
    private final double rateHz;
    private final double scaleX;
    private final double scaleY;
    private final double scaleP;
    private final Isdv4Capabilities isdv4Caps;
    private final Protocol4Encoder protocol4 = new Protocol4Encoder(Protocol4.DEFAULT_EXTRA_PRESSURE_BITS);
    private final long[] sentNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ByteArrayOutputStream commandText = new ByteArrayOutputStream();
    private final List<String> commandsSeen = new ArrayList<>();
    private SerialPort port;
    private Thread thread;
    private volatile boolean closed;
    private volatile boolean streaming;
    private volatile int next;
    private volatile String failure;
    private long base;
    private volatile int noiseBurstMax;
    private final Random noise = new Random(1);

    /**
     * Prepares a simulator; values beyond what the protocol can carry are scaled down to fit (see {@link #scaled()}).
     *
     * @param rateHz samples per second, or 0 to follow the recorded {@code t_ms}
     */
    public SimulatedPad(PadProtocol protocol, Path devicePath, List<InkPoint> points, double rateHz) {
        if (protocol == PadProtocol.STU || protocol == PadProtocol.EVDEV) {
            throw new IllegalArgumentException("the simulator speaks serial protocols only (isdv4, protocol4, topaz),"
                    + " not " + protocol);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay: the input has no samples");
        }
        this.protocol = protocol;
        this.devicePath = devicePath;
        this.points = List.copyOf(points);
        this.rateHz = rateHz;
        int maxX = 0;
        int maxY = 0;
        int maxP = 0;
        for (InkPoint p : points) {
            if (p.x() < 0 || p.y() < 0 || p.pressure() < 0) {
                throw new IllegalArgumentException("negative values cannot be sent by a pad: " + p);
            }
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
            maxP = Math.max(maxP, p.pressure());
        }
        int limXy = protocol == PadProtocol.TOPAZ ? Topaz.MAX_COORDINATE : 0xFFFF;
        int limP = switch (protocol) {
            case ISDV4 -> 0x3FF;
            case PROTOCOL4 -> (1 << (7 + Protocol4.DEFAULT_EXTRA_PRESSURE_BITS)) - 1;
            default -> Integer.MAX_VALUE;
        };
        scaleX = maxX > limXy ? (double) limXy / maxX : 1;
        scaleY = maxY > limXy ? (double) limXy / maxY : 1;
        scaleP = maxP > limP ? (double) limP / maxP : 1;
        isdv4Caps = new Isdv4Capabilities(Math.max(26202, sx(maxX)), Math.max(16325, sy(maxY)), 1023, 0, 0, 0x0A);
        sentNanos = new long[points.size()];
    }

    /**
     * Makes the simulator send a burst of 0 to {@code maxBytes} random bytes before each packet, as a noisy line
     * does; bursts must be shorter than a packet, otherwise they can look like one.
     */
    public void injectNoise(int maxBytes) {
        this.noiseBurstMax = maxBytes;
    }

    /** Returns whether the input had to be scaled to fit the protocol's ranges (then samples differ from it). */
    public boolean scaled() {
        return scaleX != 1 || scaleY != 1 || scaleP != 1;
    }

    /** Returns the capabilities this simulated ISDV4 digitizer reports. */
    public Isdv4Capabilities isdv4Capabilities() {
        return isdv4Caps;
    }

    /** Opens the device end of the pty and starts answering the host. */
    public void start() throws PadException {
        SerialPort sp = SerialPort.getCommPort(devicePath.toString());
        sp.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!sp.openPort(0)) {
            throw new PadException("simulator cannot open " + devicePath + " (error " + sp.getLastErrorCode()
                    + "): is the socat pty pair running?");
        }
        port = sp;
        thread = new Thread(this::run, "signpad-sim-" + protocol.cliName());
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Starts the replay without a host command (Topaz pads stream as soon as the pen is near). */
    public void play() {
        streaming = true;
    }

    private void run() {
        byte[] in = new byte[64];
        byte[] packet = new byte[16];
        boolean wasStreaming = false;
        while (!closed) {
            int avail = port.bytesAvailable();
            if (avail < 0) {
                failure = "device end " + devicePath + " is gone";
                break;
            }
            if (avail > 0) {
                int n = port.readBytes(in, Math.min(avail, in.length), 0);
                for (int i = 0; i < n; i++) {
                    command(in[i]);
                }
            }
            boolean s = streaming;
            if (s && !wasStreaming) {
                base = System.nanoTime() - offsetNanos(next);
            }
            wasStreaming = s;
            int i = next;
            if (s && i < points.size()) {
                long due = base + offsetNanos(i);
                long now = System.nanoTime();
                if (now >= due) {
                    int len = encode(points.get(i), packet);
                    int burst = noiseBurstMax > 0 ? noise.nextInt(noiseBurstMax + 1) : 0;
                    if (burst > 0) {
                        byte[] junk = new byte[burst];
                        noise.nextBytes(junk);
                        port.writeBytes(junk, burst, 0);
                    }
                    sentNanos[i] = System.nanoTime();
                    if (port.writeBytes(packet, len, 0) != len) {
                        failure = "cannot write to " + devicePath + " (error " + port.getLastErrorCode() + ")";
                        break;
                    }
                    next = i + 1;
                    continue;
                }
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
            } else {
                if (i >= points.size()) {
                    finished.countDown();
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
        if (failure != null) {
            LOG.info("simulator stopped: {}", failure);
        }
        finished.countDown();
    }

    private long offsetNanos(int i) {
        if (rateHz > 0) {
            return Math.round(i * 1e9 / rateHz);
        }
        return Math.round((points.get(i).tMs() - points.get(0).tMs()) * 1e6);
    }

    private int encode(InkPoint p, byte[] out) {
        PenState state = p.contact() ? PenState.CONTACT : PenState.HOVER;
        DecodedPen pen = DecodedPen.of(sx(p.x()), sy(p.y()), (int) Math.round(p.pressure() * scaleP), state);
        switch (protocol) {
            case ISDV4 -> {
                Isdv4Encoder.pen(pen, out, 0);
                return Isdv4.PEN_PACKET_LENGTH;
            }
            case PROTOCOL4 -> {
                protocol4.pen(pen, out, 0);
                return Protocol4.PACKET_LENGTH;
            }
            default -> {
                TopazEncoder.pen(pen, out, 0);
                return Topaz.PACKET_LENGTH;
            }
        }
    }

    private int sx(int x) {
        return (int) Math.round(x * scaleX);
    }

    private int sy(int y) {
        return (int) Math.round(y * scaleY);
    }

    private void command(byte b) {
        if (protocol == PadProtocol.ISDV4) {
            record(String.valueOf((char) b));
            switch (b) {
                case Isdv4.CMD_STOP, Isdv4.CMD_RESET -> streaming = false;
                case Isdv4.CMD_START -> streaming = true;
                case Isdv4.CMD_QUERY -> reply(Isdv4Encoder.queryReply(isdv4Caps));
                default -> {
                    // '%' (touch query) and unknown bytes: a pen-only digitizer stays silent.
                }
            }
        } else if (protocol == PadProtocol.PROTOCOL4) {
            commandText.write(b);
            String text = commandText.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("~#")) {
                record("~#");
                commandText.reset();
                reply(Protocol4Encoder.reply("~#", "UD-1212-R00 V1.3-5"));
            } else if (b == '\r') {
                commandText.reset();
                String cmd = text.strip();
                record(cmd);
                switch (cmd) {
                    case "~R" -> reply(Protocol4Encoder.reply("~R", "E202C900,002,02,1270,1270"));
                    case "~C" -> reply(Protocol4Encoder.reply("~C", isdv4Caps.maxX() + "," + isdv4Caps.maxY()));
                    case "ST" -> streaming = true;
                    case "SP" -> streaming = false;
                    default -> {
                        // Set-up commands (MU1, OC1, IT0...) need no reply.
                    }
                }
            } else if (commandText.size() > 64) {
                commandText.reset();
            }
        }
    }

    private void record(String cmd) {
        synchronized (commandsSeen) {
            commandsSeen.add(cmd);
        }
    }

    /** Returns the host commands received so far, in order. */
    public List<String> commandsSeen() {
        synchronized (commandsSeen) {
            return List.copyOf(commandsSeen);
        }
    }

    private void reply(byte[] bytes) {
        if (port.writeBytes(bytes, bytes.length, 0) != bytes.length) {
            failure = "cannot write reply to " + devicePath;
        }
    }

    /** Waits until every sample was sent (or the link failed); returns false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns how many samples were written so far. */
    public int sentCount() {
        return next;
    }

    /** Returns the host time just before each sample's bytes were written (0 for samples not sent yet). */
    public long[] sentNanos() {
        return sentNanos.clone();
    }

    /** Returns why the simulator stopped early, or null. */
    public String failure() {
        return failure;
    }

    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (port != null) {
            port.closePort();
        }
    }
}
