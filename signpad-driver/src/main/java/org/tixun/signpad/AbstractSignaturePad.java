// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.signpad.decode.ArrivalClock;
import org.tixun.signpad.decode.DecodedPen;
import org.tixun.signpad.decode.PenSink;
import org.tixun.signpad.model.DecodeCounts;
import org.tixun.signpad.model.PadInfo;
import org.tixun.signpad.model.PenSample;

/**
 * Runs a pad's reader thread: reads, decodes, stamps host time, notifies listeners and reconnects with back-off.
 */
public abstract class AbstractSignaturePad implements SignaturePad {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractSignaturePad.class);

    protected final String port;
    protected final PadOptions options;
    private final List<PenSampleListener> sampleListeners = new CopyOnWriteArrayList<>();
    private final List<PadStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final Object linkLock = new Object();
    private final List<DecodedPen> batch = new ArrayList<>();
    private final PenSink batchSink = batch::add;
    private volatile PadInfo info;
    private volatile PadState state = PadState.CLOSED;
    private volatile boolean connected;
    private volatile boolean started;
    private volatile boolean closing;
    private Thread reader;
    private ArrivalClock clock;
    private long sequence;

    protected AbstractSignaturePad(String port, PadOptions options) {
        this.port = port;
        this.options = options;
    }

    /** Opens the link and performs the handshake; returns what the pad reported. */
    protected abstract PadInfo connect() throws IOException;

    /** Reads whatever arrived, waiting at most the read timeout; returns 0 on timeout, throws if the link is gone. */
    protected abstract int readChunk(byte[] buffer) throws IOException;

    /** Decodes one chunk read at {@code arrivalNanos}. */
    protected abstract void decode(byte[] buffer, int length, long arrivalNanos, PenSink sink);

    protected abstract void sendStart() throws IOException;

    protected abstract void sendStop() throws IOException;

    /** Closes the link; must not throw. */
    protected abstract void disconnect();

    protected abstract DecodeCounts counts();

    /** Nominal samples per second, used to back-fill host times within one read. */
    protected abstract double nominalRateHz();

    /** Returns the read buffer size: a few packets for serial, one report for HID. */
    protected int bufferSize() {
        return 4096;
    }

    @Override
    public synchronized void open() throws PadException {
        if (reader != null) {
            throw new IllegalStateException("pad " + port + " is already open");
        }
        closing = false;
        try {
            synchronized (linkLock) {
                info = connect();
                connected = true;
            }
        } catch (PadException e) {
            disconnect();
            throw e;
        } catch (IOException e) {
            disconnect();
            throw new PadException("cannot open pad on " + port + ": " + e.getMessage(), e);
        }
        clock = new ArrivalClock(nominalRateHz());
        fire(PadState.CONNECTED, info.describe());
        reader = new Thread(this::readLoop, "signpad-reader-" + port);
        reader.setDaemon(true);
        reader.setUncaughtExceptionHandler((t, e) -> LOG.error("reader thread of pad {} died", port, e));
        reader.setPriority(Thread.MAX_PRIORITY);
        reader.start();
    }

    @Override
    public void start() throws PadException {
        started = true;
        command(true);
        fire(PadState.STARTED, "");
    }

    @Override
    public void stop() throws PadException {
        started = false;
        command(false);
        fire(PadState.STOPPED, "");
    }

    private void command(boolean start) throws PadException {
        synchronized (linkLock) {
            if (!connected) {
                // Remembered in 'started': applied when the link comes back.
                return;
            }
            try {
                if (start) {
                    sendStart();
                } else {
                    sendStop();
                }
            } catch (IOException e) {
                throw new PadException("cannot send " + (start ? "start" : "stop") + " to pad on " + port + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closing && reader == null) {
                return;
            }
            closing = true;
            t = reader;
            reader = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (linkLock) {
            if (connected && started) {
                try {
                    sendStop();
                } catch (IOException e) {
                    LOG.debug("stop on close failed for {}: {}", port, e.getMessage());
                }
            }
            connected = false;
            disconnect();
        }
        if (state != PadState.CLOSED) {
            fire(PadState.CLOSED, "");
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[bufferSize()];
        while (!closing) {
            int n;
            try {
                n = readChunk(buffer);
            } catch (IOException e) {
                if (closing) {
                    break;
                }
                lost(e);
                continue;
            }
            if (n > 0) {
                try {
                    deliver(buffer, n, System.nanoTime());
                } catch (RuntimeException e) {
                    // Decoders are fuzzed never to throw; if one does, the pad must keep reading all the same.
                    LOG.error("decoding failed on pad {}; {} bytes skipped", port, n, e);
                }
            }
        }
    }

    private void deliver(byte[] buffer, int n, long arrival) {
        batch.clear();
        decode(buffer, n, arrival, batchSink);
        int count = batch.size();
        for (int i = 0; i < count; i++) {
            DecodedPen p = batch.get(i);
            long host = clock.stamp(arrival, i, count);
            PenSample s = new PenSample(sequence++, p.x(), p.y(), p.pressure(), p.tiltX(), p.tiltY(), p.state(),
                    p.buttons(), host, arrival, p.deviceNanos());
            for (PenSampleListener l : sampleListeners) {
                try {
                    l.onSample(s);
                } catch (RuntimeException e) {
                    LOG.warn("sample listener failed on pad {}", port, e);
                }
            }
        }
    }

    private void lost(IOException cause) {
        synchronized (linkLock) {
            connected = false;
            disconnect();
        }
        LOG.warn("pad on {} lost: {}", port, cause.getMessage());
        fire(PadState.LOST, String.valueOf(cause.getMessage()));
        long delay = options.minBackoff().toMillis();
        int attempt = 0;
        while (!closing) {
            attempt++;
            fire(PadState.RECONNECTING, "attempt " + attempt + " in " + delay + " ms");
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
                Thread.currentThread().interrupt();
                return;
            }
            try {
                synchronized (linkLock) {
                    if (closing) {
                        return;
                    }
                    info = connect();
                    connected = true;
                    if (started) {
                        sendStart();
                    }
                }
                fire(PadState.CONNECTED, "reconnected after " + attempt + " attempt(s): " + info.describe());
                return;
            } catch (IOException e) {
                synchronized (linkLock) {
                    disconnect();
                }
                LOG.debug("reconnect attempt {} to {} failed: {}", attempt, port, e.getMessage());
                delay = Math.min(delay * 2, options.maxBackoff().toMillis());
            }
        }
    }

    private void fire(PadState newState, String detail) {
        state = newState;
        PadStateEvent event = new PadStateEvent(newState, detail, System.nanoTime());
        for (PadStateListener l : stateListeners) {
            try {
                l.onState(event);
            } catch (RuntimeException e) {
                LOG.warn("state listener failed on pad {}", port, e);
            }
        }
    }

    @Override
    public PadInfo info() {
        return info;
    }

    @Override
    public PadState state() {
        return state;
    }

    @Override
    public DecodeCounts decodeCounts() {
        return counts();
    }

    @Override
    public void addSampleListener(PenSampleListener listener) {
        sampleListeners.add(listener);
    }

    @Override
    public void removeSampleListener(PenSampleListener listener) {
        sampleListeners.remove(listener);
    }

    @Override
    public void addStateListener(PadStateListener listener) {
        stateListeners.add(listener);
    }

    @Override
    public void removeStateListener(PadStateListener listener) {
        stateListeners.remove(listener);
    }
}
