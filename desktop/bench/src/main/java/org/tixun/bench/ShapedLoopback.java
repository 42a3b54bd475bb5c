// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback interface shaped to a link's rate by the kernel's token bucket filter ({@code tc qdisc add dev lo root
 * tbf}), for a bench's measured phase: every connection on loopback, the baseline's and the one measured, goes
 * through the same bucket, as over a real network link of that rate. Needs root and {@code tc} (iproute2). Refuses
 * when {@code lo} already has a queueing discipline of its own (a shaping left by a killed run names the command that
 * removes it); removes its own on {@link #close()} and, should the JVM be stopped, from a shutdown hook.
 */
final class ShapedLoopback implements AutoCloseable {
    /** Runs a command and returns its exit code and output (stdout and stderr together). */
    interface Commands {
        Result run(List<String> command) throws IOException;
    }

    record Result(int exit, String output) {
    }

    private final Commands commands;
    private final Thread hook;
    private boolean closed;

    private ShapedLoopback(Commands commands) {
        this.commands = commands;
        this.hook = new Thread(this::removeQuietly, "tixun-bench-unshape-lo");
    }

    /** Shapes {@code lo} to {@code mbit} Mbit/s with the system's {@code tc}. */
    static ShapedLoopback start(int mbit) throws IOException {
        return start(mbit, ShapedLoopback::exec, true);
    }

    static ShapedLoopback start(int mbit, Commands commands, boolean hook) throws IOException {
        if (mbit <= 0) {
            throw new IllegalArgumentException("a link rate must be positive, not " + mbit + " Mbit/s");
        }
        Result show = commands.run(List.of("tc", "qdisc", "show", "dev", "lo"));
        if (show.exit() != 0) {
            throw new IOException("cannot read the loopback's queueing discipline (tc qdisc show dev lo): "
                    + show.output().trim() + " — install iproute2 or run without --link-mbit");
        }
        if (!show.output().contains("noqueue")) {
            throw new IOException("lo already has a queueing discipline (" + show.output().trim() + "); if an earlier "
                    + "bench left it, remove it with: tc qdisc del dev lo root");
        }
        Result add = commands.run(addCommand(mbit));
        if (add.exit() != 0) {
            throw new IOException("cannot shape lo to " + mbit + " Mbit/s (" + String.join(" ", addCommand(mbit))
                    + "): " + add.output().trim() + " — needs root and the kernel's tbf qdisc; run without --link-mbit");
        }
        ShapedLoopback shaped = new ShapedLoopback(commands);
        if (hook) {
            Runtime.getRuntime().addShutdownHook(shaped.hook);
        }
        return shaped;
    }

    /**
     * The {@code tc} command: a bucket of 1/100 s at the rate (the kernel refills it at its timer's pace, so a
     * smaller one caps below the rate) and never less than loopback's 64 KiB packets.
     */
    static List<String> addCommand(int mbit) {
        long burst = Math.max(128L << 10, (long) mbit * 1_000_000 / 8 / 100);
        return List.of("tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", mbit + "mbit", "burst",
                Long.toString(burst), "latency", "50ms");
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down (the hook runs or ran), or never registered: the removal below is what matters
        }
        remove();
    }

    /** From the shutdown hook, when the bench is stopped before {@link #close()}. */
    private void removeQuietly() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            remove();
        } catch (IOException e) {
            System.err.println("bench-sync: " + e.getMessage());
        }
    }

    private void remove() throws IOException {
        Result del = commands.run(List.of("tc", "qdisc", "del", "dev", "lo", "root"));
        if (del.exit() != 0) {
            throw new IOException("could not remove the loopback's shaping: " + del.output().trim()
                    + " — remove it with: tc qdisc del dev lo root");
        }
    }

    private static Result exec(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be run (" + e.getMessage() + "): install iproute2 or run "
                    + "without --link-mbit", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(p.exitValue(), out);
    }
}
